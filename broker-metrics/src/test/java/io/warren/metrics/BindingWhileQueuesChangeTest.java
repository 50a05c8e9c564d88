package io.warren.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.warren.broker.Broker;
import io.warren.broker.BrokerException;
import io.warren.broker.Channel;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BindingWhileQueuesChangeTest {
    private static final int NAMES = 8;
    private static final int ROUNDS = 20;

    @Test
    void queuesDeclaredAndDeletedDuringBindingEndUpMeteredExactlyWhileTheyExist() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Broker broker = Broker.start(MeteredBroker.config().build())) {
            Channel ch = broker.defaultVirtualHost().connect("churn").createChannel();
            for (int round = 0; round < ROUNDS; round++) {
                AtomicBoolean stop = new AtomicBoolean();
                AtomicLong changes = new AtomicLong();
                Future<?> churn = pool.submit(() -> churn(ch, stop, changes));
                await().atMost(Duration.ofSeconds(10)).until(() -> changes.get() > 100);
                MeterRegistry registry = new SimpleMeterRegistry();
                try (BrokerMetrics metrics = new BrokerMetrics(broker, Duration.ZERO)) {
                    metrics.bindTo(registry);
                    long boundAt = changes.get();
                    await().atMost(Duration.ofSeconds(10)).until(() -> changes.get() > boundAt + 100);
                    stop.set(true);
                    churn.get(10, TimeUnit.SECONDS);

                    assertThat(meteredQueues(registry)).as("round " + round)
                            .isEqualTo(broker.defaultVirtualHost().queueNames());
                }
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void churn(Channel ch, AtomicBoolean stop, AtomicLong changes) {
        for (int i = 0; !stop.get(); i++) {
            ch.queueDeclare("q" + i % NAMES, false, false, false, Map.of());
            try {
                ch.queueDelete("q" + (i * 3 + 1) % NAMES, false, false);
            } catch (BrokerException e) {
                // not declared yet
            }
            changes.incrementAndGet();
        }
    }

    private static Set<String> meteredQueues(MeterRegistry registry) {
        return registry.find("warren.queue.messages.ready").meters().stream()
                .map(Meter::getId).map(id -> id.getTag("queue")).collect(Collectors.toSet());
    }
}
