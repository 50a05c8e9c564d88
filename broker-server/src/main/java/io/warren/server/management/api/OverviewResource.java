package io.warren.server.management.api;

import io.warren.broker.Broker;
import io.warren.broker.flow.MemoryGuard;
import io.warren.server.WarrenVersion;
import io.warren.server.management.http.Access;
import io.warren.server.management.http.ApiRequest;
import io.warren.server.management.http.ApiResponse;
import io.warren.server.management.http.Routes;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code GET /api/overview}: product and version, node name, the listeners, memory use against the limit,
 * and totals over the vhosts the user may see (see {@link VhostAccess}). Counts the engine cannot enumerate
 * yet are JSON {@code null}: connections, channels and exchanges. Message rates are zero until counters are
 * sampled.
 */
final class OverviewResource implements ApiResource {

    /** The JSON of {@code /api/overview}. */
    record Overview(String productName, String productVersion, String managementVersion, String node,
                    String clusterName, ObjectTotals objectTotals, QueueTotalsView queueTotals,
                    MessageStats messageStats, List<Listener> listeners, Memory memory) {
    }

    /** Object counts; null where not known. */
    record ObjectTotals(Long connections, Long channels, Long exchanges, long queues, long consumers) {
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

    OverviewResource(ManagementContext context) {
        this.broker = context.broker();
        this.vhosts = new VhostAccess(context);
        this.listeners = context.listeners();
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/overview", Access.MANAGEMENT, this::show);
    }

    private ApiResponse show(ApiRequest request) {
        QueueTotals totals = QueueTotals.NONE;
        for (String name : vhosts.visibleTo(request.user())) {
            totals = totals.plus(QueueTotals.of(vhosts.existing(name)));
        }
        MemoryGuard memory = broker.memory();
        String version = WarrenVersion.get();
        return ApiResponse.ok(new Overview(PRODUCT, version, version, broker.name(), broker.name(),
                new ObjectTotals(null, null, null, totals.queues(), totals.consumers()),
                new QueueTotalsView(totals.messages(), totals.ready(), totals.unacknowledged()),
                MessageStats.ZERO, listeners.get(),
                new Memory(memory.used(), memory.limit(), !memory.hasCapacity())));
    }
}
