package io.warren.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.QueueInfo;
import io.warren.jms.WarrenConnectionFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code spring.warren.url=amqp://...}: the application uses a Warren server over the network. */
@ExtendWith(WarrenServerExtension.class)
@SpringBootTest(classes = GreetingApp.class, properties = {
        "spring.warren.queues[0].name=remote.audit",
        "spring.warren.queues[0].arguments.x-max-length=100"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RemoteBrokerTest {
    @DynamicPropertySource
    static void serverUrl(DynamicPropertyRegistry registry) {
        registry.add("spring.warren.url", WarrenServerExtension::url);
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    WarrenConnectionFactory warren;
    @Autowired
    JmsTemplate jmsTemplate;
    @Autowired
    GreetingApp.Inbox inbox;

    @Test
    void noEmbeddedBrokerStartsAndTheFactoryUsesTheUrl() {
        assertThat(context.getBeansOfType(EmbeddedWarrenBroker.class)).isEmpty();
        assertThat(warren.getUrl()).startsWith("amqp://");
    }

    @Test
    void aJmsTemplateSendReachesTheJmsListenerThroughTheServer() throws InterruptedException {
        jmsTemplate.convertAndSend(GreetingApp.QUEUE, "hello over AMQP");

        assertThat(inbox.received.poll(TestApplications.WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isEqualTo("hello over AMQP");
        assertThat(WarrenServerExtension.broker().defaultVirtualHost().hasQueue(GreetingApp.QUEUE)).isTrue();
    }

    @Test
    void configuredQueuesAreDeclaredOnTheServerAtStartUp() {
        QueueInfo audit = WarrenServerExtension.broker().defaultVirtualHost().queueInfo("remote.audit");

        assertThat(audit).isNotNull();
        assertThat(audit.durable()).isTrue();
        assertThat(audit.arguments()).containsEntry("x-max-length", 100L);
    }

    @Test
    void withoutTopologyAnUnreachableBrokerDoesNotStopTheStartUpAndHealthIsDown() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (ConfigurableApplicationContext other = TestApplications.run(
                "spring.warren.url=amqp://guest:guest@127.0.0.1:" + port + "/", "spring.jms.listener.auto-startup=false")) {
            HealthProbe.Result health = HealthProbe.warren(other);

            assertThat(health.status()).isEqualTo("DOWN");
            assertThat(health.details()).containsEntry("mode", "remote").containsKey("error");
            assertThat(health.details().get("error").toString()).doesNotContain("guest:guest");
        }
    }

    @Test
    void healthIsUpWithTheMaskedUrl() {
        HealthProbe.Result health = HealthProbe.warren(context);

        assertThat(health.status()).isEqualTo("UP");
        assertThat(health.details()).containsEntry("mode", "remote").containsKey("provider");
        assertThat((String) health.details().get("url")).startsWith("amqp://guest:***@127.0.0.1:");
    }
}
