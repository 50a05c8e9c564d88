package io.warren.broker.paging;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.Channel;
import io.warren.message.Message;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;

/**
 * Measures the heap a paged message costs and the fill and drain rates of a paged and an in-memory queue: run
 * {@code main} with the test class path, e.g. with {@code -Xmx1g}; arguments: messages (default 1,000,000) and
 * body bytes (default 100). Not a test: the numbers depend on the machine.
 */
public final class PagingFootprint {
    private PagingFootprint() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int body = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        run("paged", n, body, true);
        run("in-memory", n, body, false);
    }

    private static void run(String label, int n, int body, boolean paged) {
        BrokerConfig.Builder b = BrokerConfig.builder("footprint-" + label).jmx(false).maxMemory(Long.MAX_VALUE / 4)
                .paging(paged);
        if (paged) {
            b.queuePagingThreshold(0);
        }
        try (Broker broker = Broker.start(b.build())) {
            Channel ch = broker.defaultVirtualHost().connect("c").createChannel();
            ch.queueDeclare("q", false, false, false, Map.of());
            Message m = Message.builder().body(new byte[body]).build();
            ch.publish("", "q", m).join();
            ch.get("q", true, null);
            long before = usedAfterGc();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                ch.publish("", "q", Message.builder().body(new byte[body]).build());
            }
            long t1 = System.nanoTime();
            long after = usedAfterGc();
            long disk = broker.pageStore().diskBytes();
            long t2 = System.nanoTime();
            int drained = 0;
            while (ch.get("q", true, null) != null) {
                drained++;
            }
            long t3 = System.nanoTime();
            System.out.printf("%s: %d messages of %d body bytes: heap %.1f bytes/message, fill %.0f msg/s, "
                            + "drain %.0f msg/s (%d drained), page files %d MiB when full%n",
                    label, n, body, (after - before) / (double) n, n / ((t1 - t0) / 1e9),
                    drained / ((t3 - t2) / 1e9), drained, disk >> 20);
        }
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
