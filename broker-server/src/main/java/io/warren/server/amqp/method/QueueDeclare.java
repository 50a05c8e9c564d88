package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;
import java.util.Map;

/**
 * {@code queue.declare}, class 50 method 10.
 *
 * <p>Client to server: create a queue (an empty name asks the server to pick one), or with {@code passive} check
 * that it exists.
 *
 * <p>Reserved fields are written as zero or empty and ignored when read.
 */
public record QueueDeclare(String queue, boolean passive, boolean durable, boolean exclusive, boolean autoDelete,
                           boolean noWait, Map<String, Object> arguments)
        implements AmqpMethod {
    private static final String NAME = "queue.declare";

    @Override
    public int classId() {
        return 50;
    }

    @Override
    public int methodId() {
        return 10;
    }

    @Override
    public String name() {
        return NAME;
    }

    static QueueDeclare read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        r.shortInt("reserved-1");
        String queue = r.shortstr("queue");
        boolean passive = r.bit("passive");
        boolean durable = r.bit("durable");
        boolean exclusive = r.bit("exclusive");
        boolean autoDelete = r.bit("auto-delete");
        boolean noWait = r.bit("no-wait");
        Map<String, Object> arguments = r.table("arguments");
        return new QueueDeclare(queue, passive, durable, exclusive, autoDelete, noWait, arguments);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .shortInt(0, "reserved-1")
                .shortstr(queue, "queue")
                .bit(passive)
                .bit(durable)
                .bit(exclusive)
                .bit(autoDelete)
                .bit(noWait)
                .table(arguments, "arguments")
                .end();
    }
}
