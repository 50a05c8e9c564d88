package io.warren.broker.exchange;

import io.warren.message.Message;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Routes to the bindings whose key equals the routing key: one hash lookup per publish. */
public final class DirectExchange extends Exchange {
    private final Map<String, List<Binding>> byKey = new ConcurrentHashMap<>();

    DirectExchange(String virtualHost, String name, boolean durable, boolean autoDelete, boolean internal,
                   Map<String, Object> arguments) {
        super(virtualHost, name, durable, autoDelete, internal, arguments);
    }

    @Override
    public ExchangeType type() {
        return ExchangeType.DIRECT;
    }

    @Override
    protected void match(Message message, Consumer<Binding> sink) {
        List<Binding> matches = byKey.get(message.routingKey());
        if (matches != null) {
            for (Binding b : matches) {
                sink.accept(b);
            }
        }
    }

    @Override
    protected void index(Binding binding) {
        byKey.computeIfAbsent(binding.routingKey(), k -> new CopyOnWriteArrayList<>()).add(binding);
    }

    @Override
    protected void unindex(Binding binding) {
        byKey.computeIfPresent(binding.routingKey(), (k, list) -> {
            list.remove(binding);
            return list.isEmpty() ? null : list;
        });
    }
}
