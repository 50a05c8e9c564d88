package io.warren.jms.transport.amqp;

import io.warren.thread.WarrenThreads;
import com.rabbitmq.client.Address;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.warren.jms.transport.BrokerConnection;
import io.warren.jms.url.ConnectionUrl;
import jakarta.jms.JMSException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Opens {@code amqp://} and {@code amqps://} connections with RabbitMQ's client: the URL's hosts are tried in
 * order until one accepts. The client announces {@code release_on_reject}, so a Warren server counts a message
 * it returns unseen (prefetched, never given to the application) as not delivered.
 */
public final class AmqpTransport {
    /** RabbitMQ's default user, used when neither the URL nor the application names one. */
    private static final String DEFAULT_USER = "guest";

    private AmqpTransport() {
    }

    /**
     * Connects to the first of the URL's hosts that accepts.
     *
     * @param clientName shown by the broker as the connection's name (the client ID when one is configured)
     * @param user       the user, or null for the URL's, else {@code guest}
     * @param password   the password, or null for the URL's, else {@code guest}
     */
    public static BrokerConnection connect(ConnectionUrl url, String clientName, String user, String password)
            throws JMSException {
        ConnectionFactory factory = clientFactory(url, user, password);
        try {
            Connection c = factory.newConnection(addresses(url), clientName);
            return new AmqpBrokerConnection(c, url.virtualHost());
        } catch (IOException | TimeoutException | RuntimeException e) {
            throw AmqpErrors.toJms("connecting to " + url.endpoints() + " (virtual host '" + url.virtualHost()
                    + "', user '" + factory.getUsername() + "')", e);
        }
    }

    /**
     * RabbitMQ's client factory set up as the JMS connections' (virtual host, login, heartbeat, timeouts, TLS,
     * no automatic recovery), for code that needs plain AMQP next to JMS: the Spring Boot starter declares its
     * topology with it. Connect with {@code newConnection(addresses(url), name)}.
     *
     * @param user     the user, or null for the URL's, else {@code guest}
     * @param password the password, or null for the URL's, else {@code guest}
     * @throws IllegalArgumentException when the URL's TLS stores cannot be read
     */
    public static ConnectionFactory clientFactory(ConnectionUrl url, String user, String password) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setVirtualHost(url.virtualHost());
        String u = user != null ? user : url.user() != null ? url.user() : DEFAULT_USER;
        factory.setUsername(u);
        factory.setPassword(password != null ? password : url.password() != null ? url.password() : DEFAULT_USER);
        factory.setAutomaticRecoveryEnabled(false);
        factory.setSharedExecutor(InlineExecutor.INSTANCE);
        // The client's own threads (its connection loop, heartbeats) hold nothing of the application's.
        factory.setThreadFactory(WarrenThreads.numbered("warren-amqp-client"));
        factory.setTopologyRecoveryEnabled(false);
        factory.setRequestedHeartbeat(url.intOption("heartbeat", ConnectionFactory.DEFAULT_HEARTBEAT));
        factory.setConnectionTimeout(url.intOption("connectTimeout", ConnectionFactory.DEFAULT_CONNECTION_TIMEOUT));
        Map<String, Object> properties = new HashMap<>(factory.getClientProperties());
        @SuppressWarnings("unchecked")
        Map<String, Object> capabilities = new HashMap<>((Map<String, Object>) properties.get("capabilities"));
        capabilities.put("release_on_reject", true);
        properties.put("capabilities", capabilities);
        properties.put("product", "Warren JMS client");
        factory.setClientProperties(properties);
        if (url.isTls()) {
            TlsOptions.apply(url, factory);
        }
        return factory;
    }

    /** The URL's hosts, in the order to try them. */
    public static List<Address> addresses(ConnectionUrl url) {
        List<Address> addresses = new ArrayList<>();
        for (ConnectionUrl.Endpoint e : url.endpoints()) {
            addresses.add(new Address(e.host(), e.port()));
        }
        return addresses;
    }
}
