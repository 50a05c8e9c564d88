package io.warren.jms.transport.vm;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.url.ConnectionUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-JVM brokers that {@code vm://NAME} URLs reach: the first connection to a name starts the broker with
 * that URL's broker options ({@link ConnectionUrl#brokerOptions()}: {@code dataDir}, {@code persistent},
 * {@code sync}, {@code jmx}, the paging options, the users ({@link BrokerUsers})), later ones join it. A later
 * URL that gives broker options must agree with the running broker on each of them, or it fails with
 * {@link BrokerSettingsMismatchException}; one that gives none joins the broker as it runs. Embedding code and
 * tests may stop a broker here; the next connection to its name starts it again (recovering its data
 * directory). Thread-safe: starting, joining and stopping a name are atomic.
 */
public final class VmBrokers {
    private static final Map<String, Running> BROKERS = new ConcurrentHashMap<>();

    /** A broker with the users its URL started it with, which a later URL's users are compared to. */
    private record Running(Broker broker, BrokerUsers users) {
        boolean isRunning() {
            return broker.isRunning();
        }
    }

    private VmBrokers() {
    }

    /**
     * The running broker for the URL's name, started with the URL's options if it is not running.
     *
     * @throws BrokerSettingsMismatchException when the broker runs with other settings than the URL's broker
     *                                         options ask for
     */
    public static Broker acquire(ConnectionUrl url) {
        if (!url.isVm()) {
            throw new IllegalArgumentException("connection URL '" + url + "' does not name an in-JVM broker: expected"
                    + " vm://NAME");
        }
        return BROKERS.compute(url.brokerName(), (name, existing) -> {
            if (existing != null && existing.isRunning()) {
                checkAgrees(url, existing);
                return existing;
            }
            BrokerConfig.Builder config = BrokerSettings.of(url).builder(name);
            PagingOptions.applyTo(config, url);
            BrokerUsers users = BrokerUsers.of(url);
            config.users(users.newStore());
            return new Running(Broker.start(config.build()), users);
        }).broker();
    }

    private static void checkAgrees(ConnectionUrl url, Running running) {
        BrokerConfig config = running.broker().config();
        List<String> differences = new ArrayList<>(BrokerSettings.differences(url, BrokerSettings.of(config)));
        differences.addAll(PagingOptions.differences(url, config));
        differences.addAll(BrokerUsers.differences(url, running.users()));
        if (!differences.isEmpty()) {
            String name = url.brokerName();
            throw new BrokerSettingsMismatchException("the in-JVM broker vm://" + name + " already runs with other"
                    + " settings than connection URL '" + url + "' asks for: " + String.join("; ", differences)
                    + ". Give the running broker's settings, or leave the broker options "
                    + ConnectionUrl.brokerOptions() + " out of the URL to join it as it runs, or stop it first"
                    + " (VmBrokers.stop(\"" + name + "\"))");
        }
    }

    /** The in-JVM broker a factory's {@code vm://} URL names, started if needed (to declare topology, say). */
    public static Broker broker(WarrenConnectionFactory factory) {
        return acquire(ConnectionUrl.parse(factory.getUrl()));
    }

    /** The running broker of that name, or null. */
    public static Broker get(String name) {
        Running r = BROKERS.get(name);
        return r != null && r.isRunning() ? r.broker() : null;
    }

    /** Stops the named broker (its connections stop working); durable state stays on disk. */
    public static void stop(String name) {
        Running r = BROKERS.remove(name);
        if (r != null) {
            r.broker().close();
        }
    }
}
