package io.warren.server.management.api;

import io.warren.broker.BrokerException;
import io.warren.broker.VirtualHost;
import io.warren.broker.security.User;
import io.warren.server.management.http.Access;
import io.warren.server.management.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which vhosts a management user may look into, by RabbitMQ's rule: monitoring and administrator users see
 * every vhost; any other management user sees the vhosts where it has a permissions entry (even one of empty
 * expressions). Operations inside a vhost are then checked with {@code AccessControl} as AMQP would check
 * them. Reads the store and broker afresh per call; thread-safe.
 */
final class VhostAccess {
    private final ManagementContext context;

    VhostAccess(ManagementContext context) {
        this.context = context;
    }

    /** The existing vhosts {@code user} may see, sorted by name. */
    List<String> visibleTo(User user) {
        Set<String> all = context.broker().virtualHostNames();
        if (Access.MONITORING.admits(user)) {
            return List.copyOf(all);
        }
        Set<String> permitted = permittedVhosts(user);
        return all.stream().filter(permitted::contains).toList();
    }

    /** What {@code views} makes of each vhost {@code user} may see, one vhost after the other by name. */
    <T> List<T> collect(User user, Function<VirtualHost, List<T>> views) {
        List<T> all = new ArrayList<>();
        for (String name : visibleTo(user)) {
            all.addAll(views.apply(existing(name)));
        }
        return all;
    }

    /**
     * The vhost named {@code name}, if {@code user} may see it.
     *
     * @throws ApiException 404 if there is no such vhost, 403 naming user and vhost if the user has no
     *     permissions there
     */
    VirtualHost require(User user, String name) {
        VirtualHost vhost = existing(name);
        if (!Access.MONITORING.admits(user) && !permittedVhosts(user).contains(name)) {
            throw ApiException.accessRefused("user '" + user.name() + "' has no permissions in vhost '" + name + "'");
        }
        return vhost;
    }

    /**
     * The vhost named {@code name}.
     *
     * @throws ApiException 404 naming it if there is none
     */
    VirtualHost existing(String name) {
        try {
            return context.broker().virtualHost(name);
        } catch (BrokerException e) {
            throw ApiException.notFound("vhost '" + name + "' not found");
        }
    }

    private Set<String> permittedVhosts(User user) {
        try {
            return context.users().permissions(user.name()).keySet();
        } catch (IllegalArgumentException e) {
            // Deleted since it authenticated: it may see nothing.
            return Set.of();
        }
    }
}
