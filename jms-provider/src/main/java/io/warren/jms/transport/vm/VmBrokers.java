package io.warren.jms.transport.vm;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.store.journal.SyncPolicy;
import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.url.ConnectionUrl;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-JVM brokers that {@code vm://NAME} URLs reach: the first connection to a name starts the broker with
 * that URL's options, later ones join it. Embedding code and tests may stop a broker here; the next
 * connection to its name starts it again (recovering its data directory).
 */
public final class VmBrokers {
    private static final Map<String, Broker> BROKERS = new ConcurrentHashMap<>();

    private VmBrokers() {
    }

    /** The running broker for the URL's name, started with the URL's options if it is not running. */
    public static Broker acquire(ConnectionUrl url) {
        if (!url.isVm()) {
            throw new IllegalArgumentException("connection URL '" + url + "' does not name an in-JVM broker: expected"
                    + " vm://NAME");
        }
        return BROKERS.compute(url.brokerName(), (name, existing) -> {
            if (existing != null && existing.isRunning()) {
                return existing;
            }
            BrokerConfig.Builder b = BrokerConfig.builder(name).syncPolicy(syncPolicy(url))
                    .jmx(url.booleanOption("jmx", true));
            if (url.persistent()) {
                b.dataDirectory(Path.of(url.dataDir()));
            }
            return Broker.start(b.build());
        });
    }

    /** The in-JVM broker a factory's {@code vm://} URL names, started if needed (to declare topology, say). */
    public static Broker broker(WarrenConnectionFactory factory) {
        return acquire(ConnectionUrl.parse(factory.getUrl()));
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
            b.close();
        }
    }

    static SyncPolicy syncPolicy(ConnectionUrl url) {
        String s = url.option("sync");
        return s == null ? SyncPolicy.ALWAYS : SyncPolicy.valueOf(s.toUpperCase(Locale.ROOT));
    }
}
