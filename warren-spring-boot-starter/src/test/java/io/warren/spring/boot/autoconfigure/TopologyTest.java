package io.warren.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.VirtualHost;
import io.warren.broker.exchange.ExchangeType;
import io.warren.broker.management.BindingInfo;
import jakarta.jms.ConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;

/** Queues, exchanges and bindings from {@code spring.warren.*} exist when the application has started. */
@SpringBootTest(classes = GreetingApp.class, properties = {
        "spring.warren.exchanges[0].name=events",
        "spring.warren.exchanges[0].type=topic",
        "spring.warren.exchanges[1].name=audit",
        "spring.warren.exchanges[1].type=fanout",
        "spring.warren.exchanges[1].durable=false",
        "spring.warren.queues[0].name=orders.eu",
        "spring.warren.queues[0].arguments.x-max-length=1000",
        "spring.warren.queues[0].arguments.x-dead-letter-exchange=audit",
        "spring.warren.queues[1].name=audit.log",
        "spring.warren.queues[1].durable=false",
        "spring.warren.bindings[0].exchange=events",
        "spring.warren.bindings[0].queue=orders.eu",
        "spring.warren.bindings[0].routing-key=order.*.eu",
        "spring.warren.bindings[1].exchange=events",
        "spring.warren.bindings[1].destination-exchange=audit",
        "spring.warren.bindings[1].routing-key=#",
        "spring.warren.bindings[2].exchange=audit",
        "spring.warren.bindings[2].queue=audit.log"})
class TopologyTest {
    @Autowired
    EmbeddedWarrenBroker embedded;
    @Autowired
    ConnectionFactory connectionFactory;
    VirtualHost host;

    @BeforeEach
    void setUp() {
        host = embedded.broker().defaultVirtualHost();
    }

    @Test
    void exchangesExistWithTheirTypes() {
        assertThat(host.exchangeType("events")).isEqualTo(ExchangeType.TOPIC);
        assertThat(host.exchangeType("audit")).isEqualTo(ExchangeType.FANOUT);
        assertThat(host.exchanges()).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo("audit");
            assertThat(e.durable()).isFalse();
        });
    }

    @Test
    void queuesExistWithTheirTypedArguments() {
        assertThat(host.queueInfo("orders.eu").durable()).isTrue();
        assertThat(host.queueInfo("orders.eu").arguments()).containsEntry("x-max-length", 1000L)
                .containsEntry("x-dead-letter-exchange", "audit");
        assertThat(host.queueInfo("audit.log").durable()).isFalse();
    }

    @Test
    void bindingsRouteToQueuesAndExchanges() {
        assertThat(host.allBindings()).extracting(BindingInfo::source, BindingInfo::destination,
                        BindingInfo::toQueue, BindingInfo::routingKey)
                .contains(org.assertj.core.groups.Tuple.tuple("events", "orders.eu", true, "order.*.eu"),
                        org.assertj.core.groups.Tuple.tuple("events", "audit", false, "#"),
                        org.assertj.core.groups.Tuple.tuple("audit", "audit.log", true, ""));
    }

    @Test
    void aMessageToTheTopicExchangeFollowsTheBindings() {
        JmsTemplate toExchange = new JmsTemplate(connectionFactory);
        toExchange.setPubSubDomain(true); // exchange: destinations are topics
        JmsTemplate fromQueues = new JmsTemplate(connectionFactory);
        fromQueues.setReceiveTimeout(TestApplications.WAIT.toMillis());

        toExchange.convertAndSend("exchange:events/order.created.eu", "order 1");

        assertThat(fromQueues.receiveAndConvert("orders.eu")).isEqualTo("order 1");
        assertThat(fromQueues.receiveAndConvert("audit.log")).isEqualTo("order 1");
    }
}
