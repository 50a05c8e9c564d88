package io.warren.server.management.api;

import io.warren.broker.BrokerException;
import io.warren.broker.VirtualHost;
import io.warren.broker.exchange.ExchangeType;
import io.warren.broker.management.ExchangeInfo;
import io.warren.broker.security.AccessControl;
import io.warren.broker.security.User;
import io.warren.message.Values;
import io.warren.server.management.http.JsonBody;
import java.util.Map;

/**
 * An exchange as a PUT body or a definitions file declares it: a type, which must be given, and RabbitMQ's
 * defaults for the rest (durable, not auto-delete, not internal, no arguments). Immutable.
 *
 * @param name       the exchange's name
 * @param type       {@code type}: direct, fanout, topic or headers
 * @param durable    {@code durable}, default true
 * @param autoDelete {@code auto_delete}, default false
 * @param internal   {@code internal}, default false
 * @param arguments  {@code arguments}, default none
 */
record ExchangeDeclaration(String name, ExchangeType type, boolean durable, boolean autoDelete, boolean internal,
                           Map<String, Object> arguments) implements Declaration {

    /**
     * The declaration of {@code name} in {@code body}.
     *
     * @throws io.warren.server.management.http.ApiException 400 naming a missing field or one of the wrong
     *     type
     * @throws BrokerException INVALID_ARGUMENT for an unknown type
     */
    static ExchangeDeclaration read(String name, JsonBody body) {
        ExchangeType type = ExchangeType.fromName(body.requiredString("type"));
        return new ExchangeDeclaration(name, type, body.bool("durable").orElse(true),
                body.bool("auto_delete").orElse(false), body.bool("internal").orElse(false),
                ArgumentTables.read(body, "arguments"));
    }

    /** As AMQP's exchange.declare: configure, and with an alternate exchange write on it and read. */
    @Override
    public void checkAccess(AccessControl access, User user, String vhost) {
        access.checkExchangeDeclare(user, vhost, name, arguments);
    }

    /** Checks that an exchange of that name was declared the same way. */
    @Override
    public void checkAgainst(VirtualHost vhost) {
        ExchangeInfo existing = vhost == null ? null
                : vhost.exchanges().stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
        if (existing != null && (!existing.type().equals(type.amqpName()) || existing.durable() != durable
                || existing.autoDelete() != autoDelete || existing.internal() != internal
                || !Values.deepEquals(existing.arguments(), arguments))) {
            throw BrokerException.preconditionFailed("exchange '" + name + "' exists with other properties: "
                    + existing.type() + ", durable " + existing.durable() + ", auto_delete " + existing.autoDelete()
                    + ", internal " + existing.internal() + ", arguments " + existing.arguments());
        }
    }

    @Override
    public void declare(VirtualHost vhost) {
        vhost.exchangeDeclare(name, type, durable, autoDelete, internal, arguments);
    }
}
