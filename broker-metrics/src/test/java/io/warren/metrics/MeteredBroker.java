package io.warren.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.Channel;
import io.warren.broker.Delivery;
import io.warren.message.Message;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A started broker bound to a {@link SimpleMeterRegistry} through {@link BrokerMetrics} that samples queues on
 * every read (so figures are exact at once), with a channel on the default virtual host and meter readers.
 */
final class MeteredBroker implements AutoCloseable {
    private static final AtomicInteger NAMES = new AtomicInteger();

    final Broker broker;
    final MeterRegistry registry = new SimpleMeterRegistry();
    final BrokerMetrics metrics;
    final Channel channel;

    private MeteredBroker(BrokerConfig config, Duration statisticsMaxAge) {
        broker = Broker.start(config);
        metrics = new BrokerMetrics(broker, statisticsMaxAge);
        metrics.bindTo(registry);
        channel = broker.defaultVirtualHost().connect("test").createChannel();
    }

    static MeteredBroker start() {
        return new MeteredBroker(config().build(), Duration.ZERO);
    }

    static MeteredBroker start(BrokerConfig config) {
        return new MeteredBroker(config, Duration.ZERO);
    }

    static MeteredBroker start(Duration statisticsMaxAge) {
        return new MeteredBroker(config().build(), statisticsMaxAge);
    }

    static BrokerConfig.Builder config() {
        return BrokerConfig.builder("metrics-" + NAMES.incrementAndGet());
    }

    static Message text(String body) {
        return Message.builder().body(body.getBytes(StandardCharsets.UTF_8)).build();
    }

    void declare(String queue) {
        declare(queue, Map.of());
    }

    void declare(String queue, Map<String, Object> arguments) {
        channel.queueDeclare(queue, false, false, false, arguments);
    }

    void publish(String queue, int count) {
        for (int i = 0; i < count; i++) {
            channel.publish("", queue, text("m" + i)).join();
        }
    }

    Delivery get(String queue) {
        Delivery d = channel.get(queue, false, null);
        if (d == null) {
            throw new AssertionError("queue '" + queue + "' had no message");
        }
        return d;
    }

    /** A per-queue gauge of the default virtual host. */
    double queueGauge(String name, String queue) {
        return registry.get(name).tags("vhost", "/", "queue", queue).gauge().value();
    }

    /** A per-queue counter of the default virtual host. */
    double queueCounter(String name, String queue) {
        return registry.get(name).tags("vhost", "/", "queue", queue).functionCounter().count();
    }

    double hostGauge(String name, String virtualHost) {
        return registry.get(name).tags("vhost", virtualHost).gauge().value();
    }

    double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    double counter(String name) {
        return registry.get(name).functionCounter().count();
    }

    /** Meters of any type tagged with this queue of the default virtual host. */
    Search queueMeters(String queue) {
        return Search.in(registry).tags("vhost", "/", "queue", queue);
    }

    @Override
    public void close() {
        metrics.close();
        broker.close();
    }
}
