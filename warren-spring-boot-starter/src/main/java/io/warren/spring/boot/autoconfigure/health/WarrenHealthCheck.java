package io.warren.spring.boot.autoconfigure.health;

import io.warren.broker.Broker;
import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.url.ConnectionUrl;
import io.warren.spring.boot.autoconfigure.EmbeddedWarrenBroker;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the {@code warren} health indicator reports, independent of Boot's health API (which moved between Boot 3
 * and Boot 4; the small {@code WarrenHealthIndicator} of each turns a {@link Report} into Boot's {@code Health}).
 *
 * <p>Embedded: UP while the broker runs, with its name, URL (password masked), virtual hosts, queue and connection
 * counts and memory use. Remote: UP when a JMS connection opens, DOWN with the provider's reason (and the mode and
 * masked URL) when it does not. Called on
 * whatever thread asks for health; reads only thread-safe broker views.
 */
final class WarrenHealthCheck {
    /** The result: up or down, and the details to show. */
    record Report(boolean up, Map<String, Object> details) {
    }

    private final WarrenConnectionFactory factory;
    private final EmbeddedWarrenBroker embedded;

    /** @param embedded the embedded broker, or null in remote mode */
    WarrenHealthCheck(WarrenConnectionFactory factory, EmbeddedWarrenBroker embedded) {
        this.factory = factory;
        this.embedded = embedded;
    }

    Report check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", embedded != null ? "embedded" : "remote");
        details.put("url", ConnectionUrl.redact(factory.getUrl()));
        if (embedded == null) {
            try (Connection connection = factory.createConnection()) {
                details.put("provider", connection.getMetaData().getJMSProviderName() + " "
                        + connection.getMetaData().getProviderVersion());
                return new Report(true, details);
            } catch (JMSException e) {
                // the provider's message names host, virtual host and user, never the password
                details.put("error", e.getMessage());
                return new Report(false, details);
            }
        }
        Broker broker = embedded.broker();
        details.put("broker", embedded.name());
        if (broker == null || !broker.isRunning()) {
            details.put("error", "the embedded broker is not running");
            return new Report(false, details);
        }
        details.put("virtualHosts", broker.virtualHostNames());
        details.put("queues", broker.virtualHostNames().stream()
                .mapToInt(vh -> broker.virtualHost(vh).queueNames().size()).sum());
        details.put("connections", broker.connections().size());
        details.put("memoryUsedBytes", broker.memory().used());
        details.put("memoryLimitBytes", broker.memory().limit());
        return new Report(true, details);
    }
}
