package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;

/**
 * {@code basic.return}, class 60 method 50.
 *
 * <p>Server to client: a mandatory message could not be routed; the content follows.
 */
public record BasicReturn(int replyCode, String replyText, String exchange, String routingKey) implements AmqpMethod {
    private static final String NAME = "basic.return";

    @Override
    public int classId() {
        return 60;
    }

    @Override
    public int methodId() {
        return 50;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean hasContent() {
        return true;
    }

    static BasicReturn read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        int replyCode = r.shortInt("reply-code");
        String replyText = r.shortstr("reply-text");
        String exchange = r.shortstr("exchange");
        String routingKey = r.shortstr("routing-key");
        return new BasicReturn(replyCode, replyText, exchange, routingKey);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .shortInt(replyCode, "reply-code")
                .shortstr(replyText, "reply-text")
                .shortstr(exchange, "exchange")
                .shortstr(routingKey, "routing-key")
                .end();
    }
}
