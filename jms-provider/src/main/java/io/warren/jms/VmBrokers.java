package io.warren.jms;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.jms.url.ConnectionUrl;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-JVM brokers that {@code vm://NAME} URLs reach: the first connection to a name starts the broker with
 * that URL's options, later ones join it. Embedding code and tests may stop a broker here; the next
 * connection to its name starts it again (recovering its data directory).
 */
public final class VmBrokers {
    private static final Map<String, Broker> BROKERS = new ConcurrentHashMap<>();
    /** Client IDs in use, per running broker instance (a restarted broker starts with none). */
    private static final Map<Broker, Set<String>> CLIENT_IDS = new ConcurrentHashMap<>();

    private VmBrokers() {
    }

    /** The running broker for the URL's name, started with the URL's options if it is not running. */
    public static Broker acquire(ConnectionUrl url) {
        return BROKERS.compute(url.brokerName(), (name, existing) -> {
            if (existing != null && existing.isRunning()) {
                return existing;
            }
            BrokerConfig.Builder b = BrokerConfig.builder(name).syncPolicy(url.syncPolicy());
            if (url.persistent()) {
                b.dataDirectory(Path.of(url.dataDir()));
            }
            return Broker.start(b.build());
        });
    }

    /** The running broker of that name, or null. */
    public static Broker get(String name) {
        Broker b = BROKERS.get(name);
        return b != null && b.isRunning() ? b : null;
    }

    /** Stops the named broker (its connections stop working); durable state stays on disk. */
    public static void stop(String name) {
        Broker b = BROKERS.remove(name);
        if (b != null) {
            CLIENT_IDS.remove(b);
            b.close();
        }
    }

    /** Claims a client ID on a broker; false when another open connection holds it. */
    public static boolean claimClientId(Broker broker, String clientId) {
        return CLIENT_IDS.computeIfAbsent(broker, k -> ConcurrentHashMap.newKeySet()).add(clientId);
    }

    public static void releaseClientId(Broker broker, String clientId) {
        Set<String> ids = CLIENT_IDS.get(broker);
        if (ids != null) {
            ids.remove(clientId);
        }
    }
}
