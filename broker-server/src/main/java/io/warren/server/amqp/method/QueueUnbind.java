package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;
import java.util.Map;

/**
 * {@code queue.unbind}, class 50 method 50.
 *
 * <p>Client to server: remove a queue binding.
 *
 * <p>Reserved fields are written as zero or empty and ignored when read.
 */
public record QueueUnbind(String queue, String exchange, String routingKey, Map<String, Object> arguments)
        implements AmqpMethod {
    private static final String NAME = "queue.unbind";

    @Override
    public int classId() {
        return 50;
    }

    @Override
    public int methodId() {
        return 50;
    }

    @Override
    public String name() {
        return NAME;
    }

    static QueueUnbind read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        r.shortInt("reserved-1");
        String queue = r.shortstr("queue");
        String exchange = r.shortstr("exchange");
        String routingKey = r.shortstr("routing-key");
        Map<String, Object> arguments = r.table("arguments");
        return new QueueUnbind(queue, exchange, routingKey, arguments);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .shortInt(0, "reserved-1")
                .shortstr(queue, "queue")
                .shortstr(exchange, "exchange")
                .shortstr(routingKey, "routing-key")
                .table(arguments, "arguments")
                .end();
    }
}
