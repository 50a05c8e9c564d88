package io.warren.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * A connection closing while its channels still declare exclusive queues leaves none of them behind: each
 * declaration either lands before the close deletes the connection's queues, or fails because it is closed.
 */
class ExclusiveQueueCloseRaceTest {
    private static final int ROUNDS = 200;
    private static final int DECLARERS = 3;

    @Test
    void exclusiveQueuesDeclaredWhileTheirConnectionClosesAreAllDeleted() throws Exception {
        try (EngineFixture f = EngineFixture.start()) {
            for (int round = 0; round < ROUNDS; round++) {
                ClientConnection c = f.host.connect("racer-" + round);
                CountDownLatch start = new CountDownLatch(1);
                List<Thread> declarers = new ArrayList<>();
                for (int t = 0; t < DECLARERS; t++) {
                    Channel ch = c.createChannel();
                    String prefix = "excl-" + round + "-" + t + "-";
                    Thread declarer = new Thread(() -> {
                        try {
                            start.await();
                            for (int i = 0; ; i++) {
                                ch.queueDeclare(prefix + i, false, true, false, Map.of());
                            }
                        } catch (BrokerException closed) {
                            // the connection (or channel) closed under it: what the race is about
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }, "declarer-" + t);
                    declarer.start();
                    declarers.add(declarer);
                }
                start.countDown();
                c.close();
                for (Thread t : declarers) {
                    t.join(EngineFixture.timeout().toMillis());
                    assertThat(t.isAlive()).as("declarer stopped after the close").isFalse();
                }
                assertThat(f.host.queueNames()).as("round " + round).noneMatch(n -> n.startsWith("excl-"));
            }
        }
    }
}
