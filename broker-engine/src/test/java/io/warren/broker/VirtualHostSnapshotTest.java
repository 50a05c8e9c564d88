package io.warren.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What a virtual host lists is the state of one moment: a queue deleted before another was created is never shown
 * together with it, as a user counting queues (or a leak test) would otherwise see two queues that never coexisted.
 */
class VirtualHostSnapshotTest {
    private static final int CYCLES = 3_000;

    @Test
    void aQueueDeletedBeforeAnotherIsCreatedIsNeverListedWithIt() throws Exception {
        try (EngineFixture f = EngineFixture.start()) {
            // Many bystanders spread the map over many bins, so a plain iteration could pass the new queue's bin
            // after the old one's.
            for (int i = 0; i < 500; i++) {
                f.channel.queueDeclare("bystander-" + i, false, false, false, Map.of());
            }
            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger mostCycleQueues = new AtomicInteger();
            AtomicInteger mostSummaries = new AtomicInteger();
            Thread observer = new Thread(() -> {
                while (!done.get()) {
                    Set<String> names = f.host.queueNames();
                    mostCycleQueues.accumulateAndGet((int) names.stream().filter(n -> n.startsWith("cycle-")).count(),
                            Math::max);
                    mostSummaries.accumulateAndGet((int) f.host.queues().stream()
                            .filter(q -> q.name().startsWith("cycle-")).count(), Math::max);
                }
            }, "observer");
            observer.start();
            try {
                for (int i = 0; i < CYCLES; i++) {
                    f.channel.queueDeclare("cycle-" + i, false, false, false, Map.of());
                    f.channel.queueDelete("cycle-" + i, false, false);
                }
            } finally {
                done.set(true);
                observer.join();
            }

            assertThat(mostCycleQueues.get()).isLessThanOrEqualTo(1);
            assertThat(mostSummaries.get()).isLessThanOrEqualTo(1);
        }
    }
}
