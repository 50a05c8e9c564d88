package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;
import java.util.Map;

/**
 * {@code exchange.unbind}, class 40 method 40.
 *
 * <p>Client to server (RabbitMQ extension): remove an exchange-to-exchange binding.
 *
 * <p>Reserved fields are written as zero or empty and ignored when read.
 */
public record ExchangeUnbind(String destination, String source, String routingKey, boolean noWait,
                             Map<String, Object> arguments)
        implements AmqpMethod {
    private static final String NAME = "exchange.unbind";

    @Override
    public int classId() {
        return 40;
    }

    @Override
    public int methodId() {
        return 40;
    }

    @Override
    public String name() {
        return NAME;
    }

    static ExchangeUnbind read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        r.shortInt("reserved-1");
        String destination = r.shortstr("destination");
        String source = r.shortstr("source");
        String routingKey = r.shortstr("routing-key");
        boolean noWait = r.bit("no-wait");
        Map<String, Object> arguments = r.table("arguments");
        return new ExchangeUnbind(destination, source, routingKey, noWait, arguments);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .shortInt(0, "reserved-1")
                .shortstr(destination, "destination")
                .shortstr(source, "source")
                .shortstr(routingKey, "routing-key")
                .bit(noWait)
                .table(arguments, "arguments")
                .end();
    }
}
