package io.warren.broker.exchange;

import io.warren.broker.exchange.topic.TopicMatcher;
import io.warren.message.Message;
import java.util.Map;
import java.util.function.Consumer;

/** Routes by dotted-word patterns ({@code *}, {@code #}) through a trie indexed by word. */
public final class TopicExchange extends Exchange {
    private final TopicMatcher<Binding> matcher = new TopicMatcher<>();

    TopicExchange(String virtualHost, String name, boolean durable, boolean autoDelete, boolean internal,
                  Map<String, Object> arguments) {
        super(virtualHost, name, durable, autoDelete, internal, arguments);
    }

    @Override
    public ExchangeType type() {
        return ExchangeType.TOPIC;
    }

    @Override
    protected void match(Message message, Consumer<Binding> sink) {
        matcher.match(message.routingKey(), sink);
    }

    @Override
    protected void index(Binding binding) {
        matcher.add(binding.routingKey(), binding);
    }

    @Override
    protected void unindex(Binding binding) {
        matcher.remove(binding.routingKey(), binding);
    }
}
