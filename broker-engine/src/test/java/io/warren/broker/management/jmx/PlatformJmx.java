package io.warren.broker.management.jmx;

import static org.awaitility.Awaitility.await;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * A broker with a name of its own, seen only through the platform MBean server, as jconsole sees it:
 * attributes, operations and names, with no reference to Warren's MBean classes.
 */
final class PlatformJmx implements AutoCloseable {
    static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    final Broker broker;
    final JmxNames names;

    private PlatformJmx(Broker broker) {
        this.broker = broker;
        this.names = new JmxNames(broker.name());
    }

    /** A started broker called {@code jmx-PREFIX-RANDOM}, with JMX on. */
    static PlatformJmx start(String prefix) {
        return new PlatformJmx(Broker.start(BrokerConfig.builder(uniqueName(prefix)).build()));
    }

    static String uniqueName(String prefix) {
        return "jmx-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    Object attribute(ObjectName name, String attribute) throws Exception {
        return SERVER.getAttribute(name, attribute);
    }

    Object invoke(ObjectName name, String operation, Object... args) throws Exception {
        String[] signature = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            signature[i] = args[i] instanceof Integer ? int.class.getName()
                    : args[i] instanceof Boolean ? boolean.class.getName() : String.class.getName();
        }
        return SERVER.invoke(name, operation, args, signature);
    }

    static void awaitRegistered(ObjectName name) {
        await().atMost(TIMEOUT).until(() -> SERVER.isRegistered(name));
    }

    static void awaitUnregistered(ObjectName name) {
        await().atMost(TIMEOUT).until(() -> !SERVER.isRegistered(name));
    }

    /** The values of {@code key} of the names matching {@code pattern}, unquoted, sorted. */
    static Set<String> keyValues(ObjectName pattern, String key) {
        Set<String> out = new TreeSet<>();
        for (ObjectName n : SERVER.queryNames(pattern, null)) {
            String v = n.getKeyProperty(key);
            out.add(v.startsWith("\"") ? ObjectName.unquote(v) : v);
        }
        return out;
    }

    static Duration timeout() {
        return TIMEOUT;
    }

    @Override
    public void close() {
        broker.close();
    }
}
