package io.warren.server.management.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.warren.broker.Broker;
import io.warren.broker.security.AccessControl;
import io.warren.broker.security.UserStore;
import io.warren.server.flow.ResourceAlarms;
import io.warren.server.management.stats.RateSampler;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What API handlers work with: the broker and its vhosts, the users and their permissions, the access
 * control that checks AMQP-style permissions for operations, the JSON mapper, the resource alarms and the
 * node's listeners. Built once by the management server; every part is thread-safe, so handlers share it.
 *
 * @param broker             the engine
 * @param users              users, tags and permissions; changes apply to the next request and AMQP login
 * @param accessControl      RabbitMQ's permission rules over {@code users}
 * @param mapper             the API's JSON mapper (see {@code ApiJson})
 * @param alarms             the memory and disk alarms publishers are blocked on
 * @param listeners          the node's listeners, read when asked (the HTTP port is known only once bound)
 * @param rates              message rates per queue, virtual host and broker, sampled at the statistics interval
 */
public record ManagementContext(Broker broker, UserStore users, AccessControl accessControl, ObjectMapper mapper,
                                ResourceAlarms alarms, Supplier<List<Listener>> listeners,
                                RateSampler rates) {

    /** @throws NullPointerException if a part is null */
    public ManagementContext {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(accessControl, "accessControl");
        Objects.requireNonNull(mapper, "mapper");
        Objects.requireNonNull(alarms, "alarms");
        Objects.requireNonNull(listeners, "listeners");
        Objects.requireNonNull(rates, "rates");
    }
}
