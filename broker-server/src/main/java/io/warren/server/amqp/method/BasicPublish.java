package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code basic.publish}, class 60 method 40.
 *
 * <p>Client to server: publish a message; a content header and body follow.
 *
 * <p>Reserved fields are written as zero or empty and ignored when read.
 */
public record BasicPublish(String exchange, String routingKey, boolean mandatory, boolean immediate)
        implements AmqpMethod {
    private static final String NAME = "basic.publish";

    @Override
    public int classId() {
        return 60;
    }

    @Override
    public int methodId() {
        return 40;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean hasContent() {
        return true;
    }

    static BasicPublish read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        r.shortInt("reserved-1");
        String exchange = r.shortstr("exchange");
        String routingKey = r.shortstr("routing-key");
        boolean mandatory = r.bit("mandatory");
        boolean immediate = r.bit("immediate");
        return new BasicPublish(exchange, routingKey, mandatory, immediate);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .shortInt(0, "reserved-1")
                .shortstr(exchange, "exchange")
                .shortstr(routingKey, "routing-key")
                .bit(mandatory)
                .bit(immediate)
                .end();
    }
}
