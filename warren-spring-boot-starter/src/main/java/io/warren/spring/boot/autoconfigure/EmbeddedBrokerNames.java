package io.warren.spring.boot.autoconfigure;

import io.warren.jms.transport.vm.VmBrokers;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out default names for embedded brokers that are unique in this JVM, so two application contexts (two
 * test configurations, say) never share a broker by accident: the first gets {@code warren}, the next
 * {@code warren-2}, and so on. A name is held from {@link #claim} to {@link #release}. Thread-safe.
 */
final class EmbeddedBrokerNames {
    private static final Set<String> CLAIMED = ConcurrentHashMap.newKeySet();

    private EmbeddedBrokerNames() {
    }

    /**
     * Claims {@code base}, else the first of {@code base-2}, {@code base-3}, ... that no other context holds and
     * no broker of this JVM runs under.
     */
    static String claim(String base) {
        for (int n = 1; ; n++) {
            String name = n == 1 ? base : base + "-" + n;
            if (VmBrokers.get(name) == null && CLAIMED.add(name)) {
                return name;
            }
        }
    }

    static void release(String name) {
        CLAIMED.remove(name);
    }

    /** An application name made fit for a broker name: characters other than letters, digits, '.', '_', '-' go. */
    static String base(String applicationName) {
        String base = applicationName == null ? "" : applicationName.replaceAll("[^A-Za-z0-9._-]+", "-");
        base = base.replaceAll("^-+|-+$", "");
        return base.isEmpty() ? "warren" : base;
    }
}
