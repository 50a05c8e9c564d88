package io.warren.server.amqp;

import io.warren.broker.BrokerException;
import io.warren.broker.ErrorCode;
import io.warren.broker.QueueInfo;
import io.warren.broker.exchange.ExchangeType;
import io.warren.broker.security.AccessControl;
import io.warren.broker.security.AccessRefusedException;
import io.warren.broker.security.User;
import io.warren.server.amqp.codec.ReplyCodes;
import io.warren.server.amqp.method.ExchangeBind;
import io.warren.server.amqp.method.ExchangeBindOk;
import io.warren.server.amqp.method.ExchangeDeclare;
import io.warren.server.amqp.method.ExchangeDeclareOk;
import io.warren.server.amqp.method.ExchangeDelete;
import io.warren.server.amqp.method.ExchangeDeleteOk;
import io.warren.server.amqp.method.ExchangeUnbind;
import io.warren.server.amqp.method.ExchangeUnbindOk;
import io.warren.server.amqp.method.QueueBind;
import io.warren.server.amqp.method.QueueBindOk;
import io.warren.server.amqp.method.QueueDeclare;
import io.warren.server.amqp.method.QueueDeclareOk;
import io.warren.server.amqp.method.QueueDelete;
import io.warren.server.amqp.method.QueueDeleteOk;
import io.warren.server.amqp.method.QueuePurge;
import io.warren.server.amqp.method.QueuePurgeOk;
import io.warren.server.amqp.method.QueueUnbind;
import io.warren.server.amqp.method.QueueUnbindOk;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The exchange and queue methods of a channel. Permission checks and argument parsing happen on the event
 * loop; the engine call, which may wait for the journal (durable entities), runs off it with the connection
 * suspended, and the reply goes out when it is done. Also remembers the channel's last declared queue, which
 * AMQP lets later methods name as {@code ""}.
 */
final class ChannelTopology {
    private final AmqpChannel channel;
    private final AmqpConnection connection;
    private String lastQueue;

    ChannelTopology(AmqpChannel channel) {
        this.channel = channel;
        this.connection = channel.connection();
    }

    /** A queue name as the client gave it, or the last declared queue for {@code ""}. */
    String queueName(String given) {
        if (given != null && !given.isEmpty()) {
            return given;
        }
        if (lastQueue == null) {
            throw AmqpException.channel(ReplyCodes.NOT_FOUND, "no previously declared queue on channel "
                    + channel.number() + " to stand for the empty queue name");
        }
        return lastQueue;
    }

    void exchangeDeclare(ExchangeDeclare d) {
        var engine = channel.engine();
        if (d.passive()) {
            engine.exchangeDeclarePassive(d.exchange());
            reply(d.noWait(), new ExchangeDeclareOk());
            return;
        }
        ExchangeType type;
        try {
            type = ExchangeType.fromName(d.type());
        } catch (BrokerException e) {
            throw AmqpException.connection(ReplyCodes.COMMAND_INVALID, "invalid exchange type '" + d.type() + "'");
        }
        check(() -> access().checkExchangeDeclare(user(), vhost(), d.exchange(), d.arguments()));
        offload(() -> {
            engine.exchangeDeclare(d.exchange(), type, d.durable(), d.autoDelete(), d.internal(), args(d.arguments()));
            return null;
        }, d.noWait(), r -> new ExchangeDeclareOk());
    }

    void exchangeDelete(ExchangeDelete d) {
        check(() -> access().checkExchangeDelete(user(), vhost(), d.exchange()));
        offload(() -> {
            try {
                channel.engine().exchangeDelete(d.exchange(), d.ifUnused());
            } catch (BrokerException e) {
                if (e.code() != ErrorCode.NOT_FOUND) {
                    throw e;
                }
                // Deleting an exchange that is not there succeeds, as in RabbitMQ.
            }
            return null;
        }, d.noWait(), r -> new ExchangeDeleteOk());
    }

    void exchangeBind(ExchangeBind b) {
        check(() -> access().checkExchangeBind(user(), vhost(), b.destination(), b.source()));
        offload(() -> {
            channel.engine().exchangeBind(b.destination(), b.source(), b.routingKey(), args(b.arguments()));
            return null;
        }, b.noWait(), r -> new ExchangeBindOk());
    }

    void exchangeUnbind(ExchangeUnbind b) {
        check(() -> access().checkExchangeUnbind(user(), vhost(), b.destination(), b.source()));
        offload(() -> {
            channel.engine().exchangeUnbind(b.destination(), b.source(), b.routingKey(), args(b.arguments()));
            return null;
        }, b.noWait(), r -> new ExchangeUnbindOk());
    }

    void queueDeclare(QueueDeclare d) {
        var engine = channel.engine();
        if (d.passive()) {
            QueueInfo info = engine.queueDeclarePassive(queueName(d.queue()));
            lastQueue = info.name();
            reply(d.noWait(), new QueueDeclareOk(info.name(), info.messageCount(), info.consumerCount()));
            return;
        }
        boolean serverNamed = d.queue() == null || d.queue().isEmpty();
        if (!serverNamed) {
            checkQueueDeclare(d, d.queue());
        }
        offload(() -> {
            QueueInfo info = engine.queueDeclare(d.queue(), d.durable(), d.exclusive(), d.autoDelete(),
                    args(d.arguments()));
            if (serverNamed) {
                try {
                    checkQueueDeclare(d, info.name());
                } catch (AmqpException e) {
                    engine.queueDelete(info.name(), false, false);
                    throw e;
                }
            }
            return info;
        }, d.noWait(), info -> {
            lastQueue = info.name();
            return new QueueDeclareOk(info.name(), info.messageCount(), info.consumerCount());
        });
    }

    private void checkQueueDeclare(QueueDeclare d, String queue) {
        check(() -> access().checkQueueDeclare(user(), vhost(), queue, d.arguments()));
    }

    void queueBind(QueueBind b) {
        String queue = queueName(b.queue());
        String key = b.routingKey().isEmpty() && b.queue().isEmpty() ? queue : b.routingKey();
        check(() -> access().checkQueueBind(user(), vhost(), queue, b.exchange()));
        offload(() -> {
            channel.engine().queueBind(queue, b.exchange(), key, args(b.arguments()));
            return null;
        }, b.noWait(), r -> new QueueBindOk());
    }

    void queueUnbind(QueueUnbind b) {
        String queue = queueName(b.queue());
        check(() -> access().checkQueueUnbind(user(), vhost(), queue, b.exchange()));
        offload(() -> {
            channel.engine().queueUnbind(queue, b.exchange(), b.routingKey(), args(b.arguments()));
            return null;
        }, false, r -> new QueueUnbindOk());
    }

    void queuePurge(QueuePurge p) {
        String queue = queueName(p.queue());
        check(() -> access().checkQueuePurge(user(), vhost(), queue));
        offload(() -> channel.engine().queuePurge(queue), p.noWait(), n -> new QueuePurgeOk(n));
    }

    void queueDelete(QueueDelete d) {
        String queue = queueName(d.queue());
        check(() -> access().checkQueueDelete(user(), vhost(), queue));
        offload(() -> {
            try {
                return channel.engine().queueDelete(queue, d.ifUnused(), d.ifEmpty());
            } catch (BrokerException e) {
                if (e.code() != ErrorCode.NOT_FOUND) {
                    throw e;
                }
                return 0; // deleting a queue that is not there succeeds, as in RabbitMQ
            }
        }, d.noWait(), n -> new QueueDeleteOk(n));
    }

    private <T> void offload(Supplier<T> work, boolean noWait,
                             java.util.function.Function<T, io.warren.server.amqp.method.AmqpMethod> ok) {
        var method = channel.currentMethod();
        connection.offload(work, (result, failure) -> {
            if (!channel.isOpen()) {
                return;
            }
            if (failure != null) {
                channel.failed(failure, method);
                return;
            }
            if (!noWait) {
                connection.send(channel.number(), ok.apply(result));
            }
        });
    }

    private void reply(boolean noWait, io.warren.server.amqp.method.AmqpMethod ok) {
        if (!noWait) {
            connection.send(channel.number(), ok);
        }
    }

    private static Map<String, Object> args(Map<String, Object> arguments) {
        return arguments == null ? Map.of() : arguments;
    }

    private static void check(Runnable permissionCheck) {
        try {
            permissionCheck.run();
        } catch (AccessRefusedException e) {
            throw AmqpException.channel(ReplyCodes.ACCESS_REFUSED, e.getMessage());
        }
    }

    private AccessControl access() {
        return connection.server().access();
    }

    private User user() {
        return connection.user();
    }

    private String vhost() {
        return connection.virtualHost().name();
    }
}
