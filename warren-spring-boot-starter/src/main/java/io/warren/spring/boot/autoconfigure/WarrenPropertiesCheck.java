package io.warren.spring.boot.autoconfigure;

import io.warren.broker.BrokerException;
import io.warren.broker.exchange.ExchangeType;
import io.warren.jms.destination.ExchangeAddress;
import io.warren.jms.url.ConnectionUrl;
import java.util.List;
import java.util.Map;
import org.springframework.validation.Errors;

/**
 * Checks bound {@link WarrenProperties} and reports each problem to Boot's {@link Errors}, with a message that
 * names the property ({@code spring.warren.exchanges[1].type}) and says what is allowed. Runs once, while Boot
 * binds the properties at start-up.
 */
final class WarrenPropertiesCheck {
    private static final String P = WarrenProperties.PREFIX + ".";

    private final WarrenProperties properties;
    private final Errors errors;

    WarrenPropertiesCheck(WarrenProperties properties, Errors errors) {
        this.properties = properties;
        this.errors = errors;
    }

    void run() {
        ConnectionUrl url = url();
        mode(url);
        if (properties.getPrefetch() != null && properties.getPrefetch() < 1) {
            reject("prefetch", "must be at least 1, was " + properties.getPrefetch());
        }
        embedded(url);
        List<WarrenProperties.QueueDefinition> queues = properties.getQueues();
        for (int i = 0; i < queues.size(); i++) {
            String at = "queues[" + i + "]";
            required(at + ".name", queues.get(i).getName());
            arguments(at + ".arguments", queues.get(i).getArguments());
        }
        List<WarrenProperties.ExchangeDefinition> exchanges = properties.getExchanges();
        for (int i = 0; i < exchanges.size(); i++) {
            String at = "exchanges[" + i + "]";
            required(at + ".name", exchanges.get(i).getName());
            exchangeType(at + ".type", exchanges.get(i).getType());
        }
        List<WarrenProperties.BindingDefinition> bindings = properties.getBindings();
        for (int i = 0; i < bindings.size(); i++) {
            binding("bindings[" + i + "]", bindings.get(i));
        }
    }

    /** The parsed URL, or null when unset or malformed (reported; the message never shows a password). */
    private ConnectionUrl url() {
        String url = properties.getUrl();
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            return ConnectionUrl.parse(url);
        } catch (IllegalArgumentException e) {
            // A global error, not a field error: Boot would print the rejected value, password included.
            errors.reject("spring.warren.url.invalid", P + "url is not a Warren connection URL: " + e.getMessage());
            return null;
        }
    }

    private void mode(ConnectionUrl url) {
        WarrenMode mode = properties.getMode();
        if (mode == WarrenMode.EMBEDDED && url != null && !url.isVm()) {
            reject("mode", "is embedded but " + P + "url names a remote broker (" + url + "): use a vm:// URL, or"
                    + " leave " + P + "mode unset");
        }
        if (mode == WarrenMode.REMOTE && (url == null || url.isVm())) {
            reject("mode", "is remote, which needs " + P + "url set to amqp://user:password@host:port/vhost"
                    + (url == null ? "" : " (it is " + url + ")"));
        }
    }

    private void embedded(ConnectionUrl url) {
        WarrenProperties.Embedded embedded = properties.getEmbedded();
        boolean remote = WarrenMode.REMOTE == properties.getMode() || url != null && !url.isVm();
        String name = embedded.getName();
        if (name != null) {
            if (remote) {
                reject("embedded.name", "applies to an embedded broker only, and " + P + "url names a remote one");
            } else if (url != null) {
                reject("embedded.name", "is set, and so is " + P + "url, which names the broker already ("
                        + url.brokerName() + "): set one of them");
            } else if (!name.matches("[A-Za-z0-9._-]+")) {
                reject("embedded.name", "must be letters, digits, '.', '_' or '-', was '" + name + "'");
            }
        }
        if (embedded.getDataDirectory() != null) {
            if (remote) {
                reject("embedded.data-directory", "applies to an embedded broker only, and " + P
                        + "url names a remote one");
            } else if (url != null) {
                reject("embedded.data-directory", "is set, and so is " + P + "url: put the directory in the URL"
                        + " (vm://" + url.brokerName() + "?dataDir=...) or leave " + P + "url unset");
            }
        }
    }

    private void binding(String at, WarrenProperties.BindingDefinition binding) {
        required(at + ".exchange", binding.getExchange());
        boolean toQueue = hasText(binding.getQueue());
        boolean toExchange = hasText(binding.getDestinationExchange());
        if (toQueue == toExchange) {
            reject(at + ".queue", toQueue ? "and " + P + at + ".destination-exchange are both set: a binding"
                    + " routes to one of them" : "or " + P + at + ".destination-exchange must be set: where the"
                    + " exchange routes to");
        }
        arguments(at + ".arguments", binding.getArguments());
    }

    private void exchangeType(String field, String type) {
        if (!hasText(type)) {
            reject(field, "must be set: direct, fanout, topic or headers");
            return;
        }
        try {
            ExchangeType.fromName(type);
        } catch (BrokerException e) {
            reject(field, "is '" + type + "', expected direct, fanout, topic or headers");
        }
    }

    private void arguments(String field, Map<String, String> arguments) {
        arguments.forEach((key, value) -> {
            try {
                ExchangeAddress.argumentValue(value);
            } catch (IllegalArgumentException e) {
                reject(field, "has a bad value for '" + key + "': " + e.getMessage());
            }
        });
    }

    private void required(String field, String value) {
        if (!hasText(value)) {
            reject(field, "must be set");
        }
    }

    private void reject(String field, String problem) {
        errors.rejectValue(field, "spring.warren.invalid", P + field + " " + problem);
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
