package io.warren.broker.exchange;

import io.warren.message.Message;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Routes by matching message headers (JMS properties) against each binding's match arguments. */
public final class HeadersExchange extends Exchange {
    private final CopyOnWriteArrayList<Binding> all = new CopyOnWriteArrayList<>();

    HeadersExchange(String virtualHost, String name, boolean durable, boolean autoDelete, boolean internal,
                    Map<String, Object> arguments) {
        super(virtualHost, name, durable, autoDelete, internal, arguments);
    }

    @Override
    public ExchangeType type() {
        return ExchangeType.HEADERS;
    }

    @Override
    protected void match(Message message, Consumer<Binding> sink) {
        Map<String, Object> headers = message.headers();
        for (Binding b : all) {
            if (b.headersMatcher().matches(headers)) {
                sink.accept(b);
            }
        }
    }

    @Override
    protected void index(Binding binding) {
        all.add(binding);
    }

    @Override
    protected void unindex(Binding binding) {
        all.remove(binding);
    }
}
