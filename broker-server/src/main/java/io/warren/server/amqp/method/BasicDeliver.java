package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code basic.deliver}, class 60 method 60.
 *
 * <p>Server to client: a message for a consumer; the content follows.
 */
public record BasicDeliver(String consumerTag, long deliveryTag, boolean redelivered, String exchange,
                           String routingKey)
        implements AmqpMethod {
    private static final String NAME = "basic.deliver";

    @Override
    public int classId() {
        return 60;
    }

    @Override
    public int methodId() {
        return 60;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean hasContent() {
        return true;
    }

    static BasicDeliver read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        String consumerTag = r.shortstr("consumer-tag");
        long deliveryTag = r.longlong("delivery-tag");
        boolean redelivered = r.bit("redelivered");
        String exchange = r.shortstr("exchange");
        String routingKey = r.shortstr("routing-key");
        return new BasicDeliver(consumerTag, deliveryTag, redelivered, exchange, routingKey);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .shortstr(consumerTag, "consumer-tag")
                .longlong(deliveryTag)
                .bit(redelivered)
                .shortstr(exchange, "exchange")
                .shortstr(routingKey, "routing-key")
                .end();
    }
}
