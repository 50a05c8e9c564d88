package io.warren.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.warren.broker.Broker;
import io.warren.broker.BrokerException;
import io.warren.broker.ClientConnection;
import io.warren.broker.VirtualHost;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The gauges of one virtual host, tagged {@code vhost}: {@code warren.queues}, {@code warren.exchanges} (the
 * default and {@code amq.*} ones included), {@code warren.connections}, {@code warren.channels} and
 * {@code warren.consumers}. Each read looks the virtual host up by name and takes the engine's snapshots, so a
 * scrape costs one walk over the host's connections for channels; consumers come from the cached queue samples.
 */
final class VirtualHostMeters {
    private final Broker broker;
    private final QueueCatalog catalog;
    private final String name;

    private VirtualHostMeters(Broker broker, QueueCatalog catalog, String name) {
        this.broker = broker;
        this.catalog = catalog;
        this.name = name;
    }

    static List<Meter> register(MeterRegistry registry, Broker broker, QueueCatalog catalog, String virtualHost) {
        VirtualHostMeters host = new VirtualHostMeters(broker, catalog, virtualHost);
        Tags tags = Tags.of("vhost", virtualHost);
        return List.of(
                gauge(registry, tags, "warren.queues", "Queues", host, h -> h.read(vh -> vh.queueNames().size())),
                gauge(registry, tags, "warren.exchanges", "Exchanges, the predeclared ones included", host,
                        h -> h.read(vh -> vh.exchanges().size())),
                gauge(registry, tags, "warren.connections", "Open client connections", host,
                        h -> h.read(vh -> vh.connections().size())),
                gauge(registry, tags, "warren.channels", "Open channels of client connections", host,
                        h -> h.read(VirtualHostMeters::channels)),
                gauge(registry, tags, "warren.consumers", "Consumers attached to queues", host,
                        h -> h.catalog.sum(QueueFigure.CONSUMERS, h.name)));
    }

    private static Gauge gauge(MeterRegistry registry, Tags tags, String name, String description,
                               VirtualHostMeters host, ToDoubleFunction<VirtualHostMeters> value) {
        return Gauge.builder(name, host, value).tags(tags).description(description).strongReference(true)
                .register(registry);
    }

    private double read(ToDoubleFunction<VirtualHost> figure) {
        VirtualHost vh;
        try {
            vh = broker.virtualHost(name);
        } catch (BrokerException e) {
            return Double.NaN;
        }
        return figure.applyAsDouble(vh);
    }

    private static double channels(VirtualHost vh) {
        long sum = 0;
        for (ClientConnection c : vh.connections()) {
            sum += c.info().channels().size();
        }
        return sum;
    }
}
