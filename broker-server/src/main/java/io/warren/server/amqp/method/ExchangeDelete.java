package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code exchange.delete}, class 40 method 20.
 *
 * <p>Client to server: delete an exchange.
 *
 * <p>Reserved fields are written as zero or empty and ignored when read.
 */
public record ExchangeDelete(String exchange, boolean ifUnused, boolean noWait) implements AmqpMethod {
    private static final String NAME = "exchange.delete";

    @Override
    public int classId() {
        return 40;
    }

    @Override
    public int methodId() {
        return 20;
    }

    @Override
    public String name() {
        return NAME;
    }

    static ExchangeDelete read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        r.shortInt("reserved-1");
        String exchange = r.shortstr("exchange");
        boolean ifUnused = r.bit("if-unused");
        boolean noWait = r.bit("no-wait");
        return new ExchangeDelete(exchange, ifUnused, noWait);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .shortInt(0, "reserved-1")
                .shortstr(exchange, "exchange")
                .bit(ifUnused)
                .bit(noWait)
                .end();
    }
}
