package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;
import java.util.Map;

/**
 * {@code basic.consume}, class 60 method 20.
 *
 * <p>Client to server: start a consumer on a queue (an empty tag asks the server to pick one).
 *
 * <p>Reserved fields are written as zero or empty and ignored when read.
 */
public record BasicConsume(String queue, String consumerTag, boolean noLocal, boolean noAck, boolean exclusive,
                           boolean noWait, Map<String, Object> arguments)
        implements AmqpMethod {
    private static final String NAME = "basic.consume";

    @Override
    public int classId() {
        return 60;
    }

    @Override
    public int methodId() {
        return 20;
    }

    @Override
    public String name() {
        return NAME;
    }

    static BasicConsume read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        r.shortInt("reserved-1");
        String queue = r.shortstr("queue");
        String consumerTag = r.shortstr("consumer-tag");
        boolean noLocal = r.bit("no-local");
        boolean noAck = r.bit("no-ack");
        boolean exclusive = r.bit("exclusive");
        boolean noWait = r.bit("no-wait");
        Map<String, Object> arguments = r.table("arguments");
        return new BasicConsume(queue, consumerTag, noLocal, noAck, exclusive, noWait, arguments);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .shortInt(0, "reserved-1")
                .shortstr(queue, "queue")
                .shortstr(consumerTag, "consumer-tag")
                .bit(noLocal)
                .bit(noAck)
                .bit(exclusive)
                .bit(noWait)
                .table(arguments, "arguments")
                .end();
    }
}
