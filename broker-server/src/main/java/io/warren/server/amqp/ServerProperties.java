package io.warren.server.amqp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code server-properties} table of {@code connection.start}: who we are and the RabbitMQ extensions we
 * implement, so clients switch them on exactly as they do against RabbitMQ.
 */
final class ServerProperties {
    static final String PRODUCT = "Warren";
    static final String VERSION = versionOf();
    /** Capability: {@code basic.consume} takes a JMS selector in its {@code x-selector} argument. */
    static final String CONSUMER_SELECTORS = "consumer_selectors";
    /**
     * Capability: {@code basic.consume} with {@code x-browse = true} delivers the queue's messages without taking
     * them, then cancels the consumer; with acknowledgements on, settling a delivery returns prefetch credit.
     */
    static final String QUEUE_BROWSE = "queue_browse";
    /** Capability: a message is not delivered before its {@code JMSDeliveryTime} header. */
    static final String DELIVERY_TIME = "delivery_time";
    /** Capability: {@code basic.consume}'s no-local flag skips messages published on the same connection. */
    static final String NO_LOCAL = "no_local";
    /**
     * Capability: XA transaction branches over the wire, requested by a passive {@code queue.declare} of
     * {@code amq.warren.xa} ({@link io.warren.server.amqp.xa.XaRequests}).
     */
    static final String XA = "xa";

    private ServerProperties() {
    }

    static Map<String, Object> table() {
        Map<String, Object> capabilities = new LinkedHashMap<>();
        for (String c : new String[] {"publisher_confirms", "exchange_exchange_bindings", "basic.nack",
                "consumer_cancel_notify", "connection.blocked", "authentication_failure_close",
                "per_consumer_qos", CONSUMER_SELECTORS, QUEUE_BROWSE, DELIVERY_TIME, NO_LOCAL, XA,
                ConnectionCapabilities.RELEASE_ON_REJECT}) {
            capabilities.put(c, Boolean.TRUE);
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("product", PRODUCT);
        props.put("version", VERSION);
        props.put("platform", "Java " + System.getProperty("java.version"));
        props.put("copyright", "The Warren authors");
        props.put("information", "AMQP 0-9-1 broker with a Jakarta Messaging provider");
        props.put("capabilities", capabilities);
        return props;
    }

    private static String versionOf() {
        String v = ServerProperties.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
