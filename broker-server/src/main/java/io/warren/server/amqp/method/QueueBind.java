package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;
import java.util.Map;

/**
 * {@code queue.bind}, class 50 method 20.
 *
 * <p>Client to server: bind a queue to an exchange.
 *
 * <p>Reserved fields are written as zero or empty and ignored when read.
 */
public record QueueBind(String queue, String exchange, String routingKey, boolean noWait,
                        Map<String, Object> arguments)
        implements AmqpMethod {
    private static final String NAME = "queue.bind";

    @Override
    public int classId() {
        return 50;
    }

    @Override
    public int methodId() {
        return 20;
    }

    @Override
    public String name() {
        return NAME;
    }

    static QueueBind read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        r.shortInt("reserved-1");
        String queue = r.shortstr("queue");
        String exchange = r.shortstr("exchange");
        String routingKey = r.shortstr("routing-key");
        boolean noWait = r.bit("no-wait");
        Map<String, Object> arguments = r.table("arguments");
        return new QueueBind(queue, exchange, routingKey, noWait, arguments);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .shortInt(0, "reserved-1")
                .shortstr(queue, "queue")
                .shortstr(exchange, "exchange")
                .shortstr(routingKey, "routing-key")
                .bit(noWait)
                .table(arguments, "arguments")
                .end();
    }
}
