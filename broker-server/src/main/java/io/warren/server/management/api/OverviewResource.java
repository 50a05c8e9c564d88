package io.warren.server.management.api;

import io.warren.broker.Broker;
import io.warren.broker.ClientConnection;
import io.warren.broker.VirtualHost;
import io.warren.broker.flow.MemoryGuard;
import io.warren.server.WarrenVersion;
import io.warren.server.management.http.Access;
import io.warren.server.management.http.ApiRequest;
import io.warren.server.management.http.ApiResponse;
import io.warren.server.management.http.Routes;
import io.warren.server.management.stats.MessageRates;
import io.warren.server.management.stats.RateSampler;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code GET /api/overview}: product and version, node name, the listeners, memory use against the limit,
 * and totals and message rates over the vhosts the user may see (see {@link VhostAccess}). Rates are zero
 * until counters were sampled twice.
 */
final class OverviewResource implements ApiResource {

    /** The JSON of {@code /api/overview}. */
    record Overview(String productName, String productVersion, String managementVersion, String node,
                    String clusterName, ObjectTotals objectTotals, QueueTotalsView queueTotals,
                    MessageStats messageStats, List<Listener> listeners, Memory memory) {
    }

    /** Object counts. */
    record ObjectTotals(long connections, long channels, long exchanges, long queues, long consumers) {
    }

    /** Messages in queues. */
    record QueueTotalsView(long messages, long messagesReady, long messagesUnacknowledged) {
    }

    /** Heap held by queued messages against the broker's limit; {@code alarm} while publishers are held. */
    record Memory(long used, long limit, boolean alarm) {
    }

    static final String PRODUCT = "Warren";

    private final Broker broker;
    private final VhostAccess vhosts;
    private final Supplier<List<Listener>> listeners;
    private final RateSampler rates;

    OverviewResource(ManagementContext context) {
        this.broker = context.broker();
        this.vhosts = new VhostAccess(context);
        this.listeners = context.listeners();
        this.rates = context.rates();
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/overview", Access.MANAGEMENT, this::show);
    }

    private ApiResponse show(ApiRequest request) {
        QueueTotals totals = QueueTotals.NONE;
        MessageRates rate = MessageRates.ZERO;
        long connections = 0;
        long channels = 0;
        long exchanges = 0;
        for (String name : vhosts.visibleTo(request.user())) {
            VirtualHost vhost = vhosts.existing(name);
            totals = totals.plus(QueueTotals.of(vhost));
            rate = rate.plus(rates.virtualHost(name));
            exchanges += vhost.exchanges().size();
            for (ClientConnection c : vhost.connections()) {
                connections++;
                channels += c.info().channels().size();
            }
        }
        MemoryGuard memory = broker.memory();
        String version = WarrenVersion.get();
        return ApiResponse.ok(new Overview(PRODUCT, version, version, broker.name(), broker.name(),
                new ObjectTotals(connections, channels, exchanges, totals.queues(), totals.consumers()),
                new QueueTotalsView(totals.messages(), totals.ready(), totals.unacknowledged()),
                MessageStats.of(totals, rate), listeners.get(),
                new Memory(memory.used(), memory.limit(), !memory.hasCapacity())));
    }
}
