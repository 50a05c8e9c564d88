package io.warren.server.management.api;

import io.warren.broker.Broker;
import io.warren.broker.VirtualHost;
import io.warren.broker.management.BindingInfo;
import io.warren.broker.management.ExchangeInfo;
import io.warren.broker.management.QueueSummary;
import io.warren.broker.security.UserStore;
import io.warren.server.WarrenVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes {@link Definitions}: what must be declared again to rebuild a broker. That is every user (with its
 * password hash) and vhost, every permission, the durable queues (not exclusive ones, which belong to a
 * connection, nor server-named {@code amq.gen-} ones), the exchanges (not the default exchange and the {@code
 * amq.*} ones, which every vhost has), and the bindings whose destination is among them or built in. The
 * default exchange's implicit bindings are not written. Reads the engine and the store as they are now;
 * stateless.
 */
final class DefinitionsExport {
    private DefinitionsExport() {
    }

    /** Everything, for {@code GET /api/definitions}. */
    static Definitions all(Broker broker, UserStore users) {
        List<Definitions.VhostEntry> vhosts = new ArrayList<>();
        List<Definitions.QueueEntry> queues = new ArrayList<>();
        List<Definitions.ExchangeEntry> exchanges = new ArrayList<>();
        List<Definitions.BindingEntry> bindings = new ArrayList<>();
        for (String name : broker.virtualHostNames()) {
            vhosts.add(new Definitions.VhostEntry(name));
            topology(broker.virtualHost(name), name, queues, exchanges, bindings);
        }
        return new Definitions(OverviewResource.PRODUCT, WarrenVersion.get(),
                users.users().stream().map(UserView::of).toList(), vhosts, PermissionView.all(users), queues,
                exchanges, bindings);
    }

    /** One vhost's topology, its entries naming no vhost, for {@code GET /api/definitions/{vhost}}. */
    static Definitions of(VirtualHost vhost) {
        List<Definitions.QueueEntry> queues = new ArrayList<>();
        List<Definitions.ExchangeEntry> exchanges = new ArrayList<>();
        List<Definitions.BindingEntry> bindings = new ArrayList<>();
        topology(vhost, null, queues, exchanges, bindings);
        return new Definitions(OverviewResource.PRODUCT, WarrenVersion.get(), null, null, null, queues, exchanges,
                bindings);
    }

    /** Adds {@code vhost}'s queues, exchanges and bindings, each naming {@code label} as its vhost. */
    private static void topology(VirtualHost vhost, String label, List<Definitions.QueueEntry> queues,
                                 List<Definitions.ExchangeEntry> exchanges, List<Definitions.BindingEntry> bindings) {
        Set<String> exportedQueues = new HashSet<>();
        for (QueueSummary q : vhost.queues()) {
            if (q.durable() && !q.exclusive() && !q.name().startsWith(Definitions.BROKER_OWNED)) {
                exportedQueues.add(q.name());
                queues.add(new Definitions.QueueEntry(q.name(), label, true, q.autoDelete(), q.arguments()));
            }
        }
        for (ExchangeInfo e : vhost.exchanges()) {
            if (!e.name().isEmpty() && !e.name().startsWith(Definitions.BROKER_OWNED)) {
                exchanges.add(new Definitions.ExchangeEntry(e.name(), label, e.type(), e.durable(), e.autoDelete(),
                        e.internal(), e.arguments()));
            }
        }
        // Every exchange is exported or built in, so only a queue destination can be missing.
        for (BindingInfo b : vhost.allBindings()) {
            if (!b.toQueue() || exportedQueues.contains(b.destination())) {
                bindings.add(new Definitions.BindingEntry(b.source(), label, b.destination(),
                        b.toQueue() ? BindingView.QUEUE : BindingView.EXCHANGE, b.routingKey(), b.arguments()));
            }
        }
    }
}
