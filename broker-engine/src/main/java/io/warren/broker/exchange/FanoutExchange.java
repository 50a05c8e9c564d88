package io.warren.broker.exchange;

import io.warren.message.Message;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Routes to every binding, ignoring the routing key. */
public final class FanoutExchange extends Exchange {
    private final CopyOnWriteArrayList<Binding> all = new CopyOnWriteArrayList<>();

    FanoutExchange(String virtualHost, String name, boolean durable, boolean autoDelete, boolean internal,
                   Map<String, Object> arguments) {
        super(virtualHost, name, durable, autoDelete, internal, arguments);
    }

    @Override
    public ExchangeType type() {
        return ExchangeType.FANOUT;
    }

    @Override
    protected void match(Message message, Consumer<Binding> sink) {
        for (Binding b : all) {
            sink.accept(b);
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
