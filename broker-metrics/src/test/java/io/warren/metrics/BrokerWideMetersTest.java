package io.warren.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.Channel;
import io.warren.broker.ClientConnection;
import io.warren.broker.ConsumeOptions;
import io.warren.broker.exchange.ExchangeType;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BrokerWideMetersTest {
    private final MeteredBroker b = MeteredBroker.start();

    @AfterEach
    void close() {
        b.close();
    }

    @Test
    void totalsSumEveryQueueOfEveryVirtualHost() {
        b.declare("a");
        b.declare("b");
        b.publish("a", 2);
        b.publish("b", 3);
        Channel tenant = b.broker.createVirtualHost("tenant").connect("t").createChannel();
        tenant.queueDeclare("c", false, false, false, Map.of());
        tenant.publish("", "c", MeteredBroker.text("x")).join();
        b.channel.ack(b.get("a").deliveryTag(), false);
        b.get("b");

        assertThat(b.gauge("warren.messages.ready")).isEqualTo(4.0);
        assertThat(b.gauge("warren.messages.unacked")).isEqualTo(1.0);
        assertThat(b.counter("warren.messages.published")).isEqualTo(6.0);
        assertThat(b.counter("warren.messages.delivered")).isEqualTo(2.0);
        assertThat(b.counter("warren.messages.acknowledged")).isEqualTo(1.0);
    }

    @Test
    void countersOverAllQueuesKeepTheCountsOfADeletedQueue() {
        b.declare("a");
        b.declare("b");
        b.publish("a", 2);
        b.publish("b", 3);
        assertThat(b.counter("warren.messages.published")).isEqualTo(5.0);

        b.channel.queueDelete("a", false, false);

        assertThat(b.counter("warren.messages.published")).isEqualTo(5.0);
        assertThat(b.gauge("warren.messages.ready")).isEqualTo(3.0);
    }

    @Test
    void virtualHostGaugesCountQueuesExchangesConnectionsChannelsAndConsumers() {
        double predeclaredExchanges = b.hostGauge("warren.exchanges", "/");
        b.declare("a");
        b.declare("b");
        b.channel.exchangeDeclare("x", ExchangeType.TOPIC, false, false, false, Map.of());
        ClientConnection second = b.broker.defaultVirtualHost().connect("second");
        Channel one = second.createChannel();
        second.createChannel();
        one.consume("a", ConsumeOptions.prefetch(1), d -> { });
        one.consume("b", ConsumeOptions.prefetch(1), d -> { });

        assertThat(b.hostGauge("warren.queues", "/")).isEqualTo(2.0);
        assertThat(b.hostGauge("warren.exchanges", "/")).isEqualTo(predeclaredExchanges + 1);
        assertThat(b.hostGauge("warren.connections", "/")).isEqualTo(2.0);
        assertThat(b.hostGauge("warren.channels", "/")).isEqualTo(3.0);
        assertThat(b.hostGauge("warren.consumers", "/")).isEqualTo(2.0);

        second.close();
        assertThat(b.hostGauge("warren.connections", "/")).isEqualTo(1.0);
        assertThat(b.hostGauge("warren.channels", "/")).isEqualTo(1.0);
        assertThat(b.hostGauge("warren.consumers", "/")).isZero();
    }

    @Test
    void virtualHostCreatedAfterBindingGetsItsOwnGauges() {
        Channel tenant = b.broker.createVirtualHost("tenant").connect("t").createChannel();
        tenant.queueDeclare("c", false, false, false, Map.of());
        b.declare("a");
        b.declare("b");

        assertThat(b.hostGauge("warren.queues", "tenant")).isEqualTo(1.0);
        assertThat(b.hostGauge("warren.connections", "tenant")).isEqualTo(1.0);
        assertThat(b.hostGauge("warren.queues", "/")).isEqualTo(2.0);
    }

    @Test
    void aDeletedVirtualHostLosesItsGaugesAndQueueMeters() {
        Channel tenant = b.broker.createVirtualHost("tenant").connect("t").createChannel();
        tenant.queueDeclare("c", false, false, false, Map.of());
        assertThat(b.registry.find("warren.queues").tag("vhost", "tenant").gauge()).isNotNull();

        b.broker.deleteVirtualHost("tenant");

        assertThat(b.registry.find("warren.queues").tag("vhost", "tenant").gauge()).isNull();
        assertThat(b.registry.find("warren.queue.messages.ready").tag("vhost", "tenant").gauge()).isNull();
        assertThat(b.registry.find("warren.queues").tag("vhost", "/").gauge()).isNotNull();
    }
}
