package io.warren.jms.destination;

import jakarta.jms.Topic;
import java.util.Map;

/**
 * A JMS topic. A plain name ({@code news.eu}) is a routing key on {@code amq.topic}, and a subscriber's name may
 * use {@code *} and {@code #}. A name of the form {@code exchange:NAME[/KEY][?ARGS]} addresses any exchange
 * ({@link ExchangeAddress}).
 */
public class WarrenTopic extends WarrenDestination implements Topic {
    private static final long serialVersionUID = 1L;
    /** The exchange plain topic names live on. */
    public static final String TOPIC_EXCHANGE = "amq.topic";

    private final ExchangeAddress address;

    public WarrenTopic(String name) {
        super(name);
        this.address = ExchangeAddress.isExchangeAddress(name) ? ExchangeAddress.parseUnchecked(name) : null;
    }

    @Override
    public String getTopicName() {
        return name();
    }

    /** The parsed {@code exchange:} address, or null for a plain topic name. */
    public ExchangeAddress address() {
        return address;
    }

    @Override
    public String exchange() {
        return address != null ? address.exchange() : TOPIC_EXCHANGE;
    }

    @Override
    public String routingKey() {
        return address != null ? address.routingKey() : name();
    }

    @Override
    public Map<String, Object> bindingArguments() {
        return address != null ? address.arguments() : Map.of();
    }

    @Override
    public boolean isQueue() {
        return false;
    }

    @Override
    public String toUri() {
        return "topic://" + name();
    }
}
