package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code connection.open}, class 10 method 40.
 *
 * <p>Client to server: open the connection to a virtual host.
 *
 * <p>Reserved fields are written as zero or empty and ignored when read.
 */
public record ConnectionOpen(String virtualHost) implements AmqpMethod {
    private static final String NAME = "connection.open";

    @Override
    public int classId() {
        return 10;
    }

    @Override
    public int methodId() {
        return 40;
    }

    @Override
    public String name() {
        return NAME;
    }

    static ConnectionOpen read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        String virtualHost = r.shortstr("virtual-host");
        r.shortstr("reserved-1");
        r.bit("reserved-2");
        return new ConnectionOpen(virtualHost);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .shortstr(virtualHost, "virtual-host")
                .shortstr("", "reserved-1")
                .bit(false)
                .end();
    }
}
