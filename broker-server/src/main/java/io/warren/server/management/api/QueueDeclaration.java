package io.warren.server.management.api;

import io.warren.broker.BrokerException;
import io.warren.broker.VirtualHost;
import io.warren.broker.management.QueueSummary;
import io.warren.broker.queue.QueueArguments;
import io.warren.broker.security.AccessControl;
import io.warren.broker.security.User;
import io.warren.server.management.http.JsonBody;
import java.util.Map;

/**
 * A queue as a PUT body or a definitions file declares it, with RabbitMQ's defaults: durable, not
 * auto-delete, no arguments. Queues declared over HTTP are never exclusive (no connection would own them).
 * Immutable.
 *
 * @param name       the queue's name
 * @param durable    whether it survives a restart ({@code durable}, default true)
 * @param autoDelete whether it goes with its last consumer ({@code auto_delete}, default false)
 * @param arguments  {@code arguments}, default none
 */
record QueueDeclaration(String name, boolean durable, boolean autoDelete, Map<String, Object> arguments)
        implements Declaration {

    /**
     * The declaration of {@code name} in {@code body}.
     *
     * @throws io.warren.server.management.http.ApiException 400 naming a field of the wrong type
     */
    static QueueDeclaration read(String name, JsonBody body) {
        return new QueueDeclaration(name, body.bool("durable").orElse(true), body.bool("auto_delete").orElse(false),
                ArgumentTables.read(body, "arguments"));
    }

    /** As AMQP's queue.declare: configure, and with a dead-letter exchange write on it and read. */
    @Override
    public void checkAccess(AccessControl access, User user, String vhost) {
        access.checkQueueDeclare(user, vhost, name, arguments);
    }

    /** Checks the arguments as the engine will, and that a queue of that name was declared the same way. */
    @Override
    public void checkAgainst(VirtualHost vhost) {
        QueueArguments parsed = QueueArguments.parse(name, arguments);
        QueueSummary existing = vhost == null ? null : vhost.queue(name).orElse(null);
        if (existing == null) {
            return;
        }
        String diff = QueueArguments.parse(name, existing.arguments()).firstDifference(parsed);
        if (existing.durable() != durable || existing.autoDelete() != autoDelete || existing.exclusive()
                || diff != null) {
            throw BrokerException.preconditionFailed("queue '" + name + "' exists with other "
                    + "properties: " + (diff != null ? "argument '" + diff + "' differs"
                    : "durable " + existing.durable() + ", auto_delete " + existing.autoDelete() + ", exclusive "
                    + existing.exclusive()));
        }
    }

    @Override
    public void declare(VirtualHost vhost) {
        // No connection: the queue cannot be exclusive, and another connection's exclusive queue is locked.
        vhost.queueDeclare(null, name, durable, false, autoDelete, arguments);
    }
}
