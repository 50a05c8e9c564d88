package io.warren.server.amqp;

import io.warren.broker.Broker;
import io.warren.broker.security.AccessControl;
import io.warren.server.ServerSettings;
import io.warren.server.flow.ResourceAlarms;
import io.warren.server.security.Authenticator;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * What every connection of one server shares: the broker, the listener settings, who may log in and do what,
 * the executor for engine work that may block, the set of open connections, and the resource alarms that stop
 * publishers.
 */
public record ServerContext(Broker broker, ServerSettings settings, Authenticator authenticator,
                            AccessControl access, Executor blockingExecutor, Set<AmqpConnection> connections,
                            ResourceAlarms alarms) {
}
