package io.warren.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.warren.broker.Broker;
import io.warren.metrics.BrokerMetrics;

/**
 * A broker's metrics for Prometheus: a {@link PrometheusMeterRegistry} holding {@link BrokerMetrics} and
 * Micrometer's JVM and process meters (memory pools, GC, threads, CPU, uptime), rendered by {@link #scrape()}
 * in the Prometheus text format 0.0.4 — what an HTTP endpoint (RabbitMQ serves it at {@code :15692/metrics})
 * returns with {@link #contentType()}.
 *
 * <p>Thread-safe: scrapes may run concurrently with each other and with the broker. A scrape reads each queue's
 * statistics once (see {@link BrokerMetrics}); with 1,000 queues it takes milliseconds. {@link #close()}
 * removes the broker's meters and stops the GC listener; it does not stop the broker.
 */
public final class PrometheusMetrics implements AutoCloseable {
    /**
     * The Prometheus text format 0.0.4, as {@code PrometheusTextFormatWriter.CONTENT_TYPE} of the Prometheus
     * client names it. That class is only on the runtime classpath, hence the copy; a test keeps them equal.
     */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final BrokerMetrics brokerMetrics;
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

    /** Binds the meters of {@code broker} and of this JVM. */
    public PrometheusMetrics(Broker broker) {
        brokerMetrics = new BrokerMetrics(broker);
        brokerMetrics.bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Every meter in the Prometheus text format 0.0.4 ({@link #contentType()}). */
    public String scrape() {
        return registry.scrape(CONTENT_TYPE);
    }

    /** The {@code Content-Type} of what {@link #scrape()} returns. */
    public String contentType() {
        return CONTENT_TYPE;
    }

    /** The registry, for meters of the server itself (they appear in the next scrape). */
    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        brokerMetrics.close();
        gcMetrics.close();
        registry.close();
    }
}
