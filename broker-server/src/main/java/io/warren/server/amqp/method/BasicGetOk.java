package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code basic.get-ok}, class 60 method 71.
 *
 * <p>Server to client: the fetched message (content follows) and how many remain.
 */
public record BasicGetOk(long deliveryTag, boolean redelivered, String exchange, String routingKey,
                         long messageCount)
        implements AmqpMethod {
    private static final String NAME = "basic.get-ok";

    @Override
    public int classId() {
        return 60;
    }

    @Override
    public int methodId() {
        return 71;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean hasContent() {
        return true;
    }

    static BasicGetOk read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        long deliveryTag = r.longlong("delivery-tag");
        boolean redelivered = r.bit("redelivered");
        String exchange = r.shortstr("exchange");
        String routingKey = r.shortstr("routing-key");
        long messageCount = r.longInt("message-count");
        return new BasicGetOk(deliveryTag, redelivered, exchange, routingKey, messageCount);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .longlong(deliveryTag)
                .bit(redelivered)
                .shortstr(exchange, "exchange")
                .shortstr(routingKey, "routing-key")
                .longInt(messageCount, "message-count")
                .end();
    }
}
