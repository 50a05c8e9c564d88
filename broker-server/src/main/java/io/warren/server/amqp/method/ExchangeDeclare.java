package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;
import java.util.Map;

/**
 * {@code exchange.declare}, class 40 method 10.
 *
 * <p>Client to server: create an exchange, or with {@code passive} check that it exists.
 *
 * <p>Reserved fields are written as zero or empty and ignored when read.
 */
public record ExchangeDeclare(String exchange, String type, boolean passive, boolean durable, boolean autoDelete,
                              boolean internal, boolean noWait, Map<String, Object> arguments)
        implements AmqpMethod {
    private static final String NAME = "exchange.declare";

    @Override
    public int classId() {
        return 40;
    }

    @Override
    public int methodId() {
        return 10;
    }

    @Override
    public String name() {
        return NAME;
    }

    static ExchangeDeclare read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        r.shortInt("reserved-1");
        String exchange = r.shortstr("exchange");
        String type = r.shortstr("type");
        boolean passive = r.bit("passive");
        boolean durable = r.bit("durable");
        boolean autoDelete = r.bit("auto-delete");
        boolean internal = r.bit("internal");
        boolean noWait = r.bit("no-wait");
        Map<String, Object> arguments = r.table("arguments");
        return new ExchangeDeclare(exchange, type, passive, durable, autoDelete, internal, noWait, arguments);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .shortInt(0, "reserved-1")
                .shortstr(exchange, "exchange")
                .shortstr(type, "type")
                .bit(passive)
                .bit(durable)
                .bit(autoDelete)
                .bit(internal)
                .bit(noWait)
                .table(arguments, "arguments")
                .end();
    }
}
