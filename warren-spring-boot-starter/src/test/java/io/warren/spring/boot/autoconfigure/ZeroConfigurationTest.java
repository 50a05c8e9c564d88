package io.warren.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.ConnectionFactory;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;

/** An application with the starter and no {@code spring.warren} property at all. */
@SpringBootTest(classes = GreetingApp.class)
class ZeroConfigurationTest {
    @Autowired
    ApplicationContext context;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    WarrenConnectionFactory warren;
    @Autowired
    EmbeddedWarrenBroker embedded;
    @Autowired
    JmsTemplate jmsTemplate;
    @Autowired
    GreetingApp.Inbox inbox;
    @Autowired
    MeterRegistry meters;

    @Test
    void theConnectionFactoryCachesOverAWarrenFactoryForAnEmbeddedInMemoryBroker() {
        assertThat(connectionFactory).isInstanceOf(CachingConnectionFactory.class);
        assertThat(((CachingConnectionFactory) connectionFactory).getTargetConnectionFactory()).isSameAs(warren);
        assertThat(((CachingConnectionFactory) connectionFactory).getSessionCacheSize()).isEqualTo(1);
        assertThat(warren.getUrl()).isEqualTo("vm://" + embedded.name());
        assertThat(embedded.name()).matches("warren(-\\d+)?");
        assertThat(embedded.broker().isRunning()).isTrue();
        assertThat(embedded.broker().config().dataDirectory()).isNull();
        assertThat(jmsTemplate.getConnectionFactory()).isSameAs(connectionFactory);
    }

    @Test
    void aJmsTemplateSendReachesTheJmsListener() throws InterruptedException {
        jmsTemplate.convertAndSend(GreetingApp.QUEUE, "hello from JmsTemplate");

        assertThat(inbox.received.poll(TestApplications.WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isEqualTo("hello from JmsTemplate");
    }

    @Test
    void healthIsUpWithTheBrokersDetails() {
        HealthProbe.Result health = HealthProbe.warren(context);

        assertThat(health.status()).isEqualTo("UP");
        Map<String, Object> details = health.details();
        assertThat(details).containsEntry("mode", "embedded").containsEntry("broker", embedded.name())
                .containsEntry("url", "vm://" + embedded.name())
                .containsKeys("virtualHosts", "queues", "connections", "memoryUsedBytes", "memoryLimitBytes");
        assertThat(details.get("virtualHosts").toString()).contains("/");
        assertThat((Long) details.get("memoryLimitBytes")).isPositive();
    }

    @Test
    void theBrokersMetersAreInTheApplicationsMeterRegistry() {
        // the listener's queue exists from start-up on
        Gauge ready = meters.find("warren.queue.messages.ready").tag("queue", GreetingApp.QUEUE).gauge();

        assertThat(ready).isNotNull();
        assertThat(meters.find("warren.memory.limit.bytes").gauge()).isNotNull();
    }
}
