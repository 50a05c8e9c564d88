package io.warren.server.management.api;

import io.warren.broker.BrokerException;
import io.warren.broker.VirtualHost;
import io.warren.broker.security.AccessControl;
import io.warren.broker.security.User;

/**
 * An exchange or a queue as a PUT body or a definitions file declares it. It can be checked before it is
 * declared, so that a definitions import finds every problem of a file before it declares anything.
 * Implementations are immutable records.
 */
sealed interface Declaration permits ExchangeDeclaration, QueueDeclaration {

    /** The name of the exchange or queue. */
    String name();

    /** Refuses the declaration unless {@code user} may make it in {@code vhost}, as over AMQP. */
    void checkAccess(AccessControl access, User user, String vhost);

    /**
     * Checks the declaration against what {@code vhost} holds (null: a vhost still to be created), so that
     * declaring it there cannot fail for a reason known now.
     *
     * @throws BrokerException INVALID_ARGUMENT naming a bad argument, PRECONDITION_FAILED naming what differs
     *     from an existing exchange or queue of that name
     */
    void checkAgainst(VirtualHost vhost);

    /** Declares it in {@code vhost}; an equal redeclaration changes nothing. */
    void declare(VirtualHost vhost);
}
