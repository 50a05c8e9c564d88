package io.warren.broker.management.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warren.broker.BrokerException;
import io.warren.broker.ClientConnection;
import io.warren.broker.VirtualHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JmxRegistrationConcurrencyTest {
    private static final int THREADS = 8;
    private static final int OPERATIONS = 400;
    private static final int NAMES = 20;

    @Test
    void afterThreadsDeclareAndDeleteQueuesAndOpenAndCloseConnectionsTheMBeansMatchTheBrokerExactly()
            throws Exception {
        try (PlatformJmx jmx = PlatformJmx.start("concurrent")) {
            VirtualHost host = jmx.broker.defaultVirtualHost();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    go.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    List<ClientConnection> mine = new ArrayList<>();
                    for (int i = 0; i < OPERATIONS; i++) {
                        String queue = "q" + random.nextInt(NAMES);
                        try {
                            switch (random.nextInt(4)) {
                                case 0, 1 -> host.queueDeclare(null, queue, false, false, false, null);
                                case 2 -> host.queueDelete(null, queue, false, false);
                                default -> {
                                    if (mine.isEmpty() || random.nextBoolean()) {
                                        mine.add(host.connect("churn"));
                                    } else {
                                        mine.remove(random.nextInt(mine.size())).close();
                                    }
                                }
                            }
                        } catch (BrokerException e) {
                            // deleting a queue another thread deleted first: expected in the race
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            await().atMost(PlatformJmx.timeout()).untilAsserted(() -> {
                assertThat(PlatformJmx.keyValues(jmx.names.component("/", "queues"), "queue"))
                        .isEqualTo(host.queueNames());
                assertThat(PlatformJmx.keyValues(jmx.names.component("/", "connections"), "connection"))
                        .isEqualTo(connectionIds(host));
            });
            assertThat(host.queueNames()).isNotEmpty();
        }
    }

    private static Set<String> connectionIds(VirtualHost host) {
        Set<String> ids = new TreeSet<>();
        for (ClientConnection c : host.connections()) {
            ids.add(c.id());
        }
        return ids;
    }
}
