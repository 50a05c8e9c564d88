package io.warren.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Meter;
import io.warren.broker.Channel;
import io.warren.broker.ConsumeOptions;
import io.warren.broker.Delivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrentCountingTest {
    private static final int PUBLISHERS = 4;
    private static final int CONSUMERS = 2;
    private static final int PER_PUBLISHER = 2_500;
    private static final int TOTAL = PUBLISHERS * PER_PUBLISHER;

    @Test
    void countersAreExactAfterFourPublishersAndTwoConsumersShareAQueueWhileScrapesSeeThemOnlyRise()
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PUBLISHERS + CONSUMERS + 1);
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger requeued = new AtomicInteger();
        try (MeteredBroker b = MeteredBroker.start()) {
            b.declare("q");
            List<Future<?>> tasks = new ArrayList<>();
            Future<List<String>> scraper = pool.submit(() -> scrapeUntil(b, done));
            for (int c = 0; c < CONSUMERS; c++) {
                Channel ch = b.broker.defaultVirtualHost().connect("consumer-" + c).createChannel();
                BlockingQueue<Delivery> inbox = new LinkedBlockingQueue<>();
                ch.consume("q", ConsumeOptions.prefetch(100), inbox::add);
                tasks.add(pool.submit(() -> settle(ch, inbox, done, requeued)));
            }
            for (int p = 0; p < PUBLISHERS; p++) {
                Channel ch = b.broker.defaultVirtualHost().connect("publisher-" + p).createChannel();
                tasks.add(pool.submit(() -> {
                    for (int i = 0; i < PER_PUBLISHER; i++) {
                        ch.publish("", "q", MeteredBroker.text("m" + i)).join();
                    }
                    return null;
                }));
            }

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> b.queueCounter("warren.queue.messages.acknowledged", "q") == TOTAL);
            done.set(true);
            for (Future<?> t : tasks) {
                t.get(10, TimeUnit.SECONDS);
            }

            assertThat(scraper.get(10, TimeUnit.SECONDS)).as("counters that went down").isEmpty();
            assertThat(requeued.get()).isPositive();
            assertThat(b.queueCounter("warren.queue.messages.published", "q")).isEqualTo(TOTAL);
            assertThat(b.queueCounter("warren.queue.messages.delivered", "q")).isEqualTo(TOTAL + requeued.get());
            assertThat(b.queueCounter("warren.queue.messages.redelivered", "q")).isEqualTo(requeued.get());
            assertThat(b.queueCounter("warren.queue.messages.acknowledged", "q")).isEqualTo(TOTAL);
            assertThat(b.queueGauge("warren.queue.messages.ready", "q")).isZero();
            assertThat(b.queueGauge("warren.queue.messages.unacked", "q")).isZero();
            assertThat(b.counter("warren.messages.published")).isEqualTo(TOTAL);
            assertThat(b.counter("warren.messages.acknowledged")).isEqualTo(TOTAL);
        } finally {
            done.set(true);
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Acknowledges what arrives, sending every tenth first delivery back once to be redelivered. */
    private static Void settle(Channel ch, BlockingQueue<Delivery> inbox, AtomicBoolean done, AtomicInteger requeued)
            throws InterruptedException {
        while (!done.get()) {
            Delivery d = inbox.poll(10, TimeUnit.MILLISECONDS);
            if (d == null) {
                continue;
            }
            if (!d.redelivered() && d.deliveryTag() % 10 == 0) {
                requeued.incrementAndGet();
                ch.nack(d.deliveryTag(), false, true);
            } else {
                ch.ack(d.deliveryTag(), false);
            }
        }
        return null;
    }

    /** Reads every function counter over and over; returns the readings that were lower than the one before. */
    private static List<String> scrapeUntil(MeteredBroker b, AtomicBoolean done) {
        Map<String, Double> last = new HashMap<>();
        ConcurrentLinkedQueue<String> fell = new ConcurrentLinkedQueue<>();
        while (!done.get()) {
            for (Meter m : b.registry.getMeters()) {
                if (m.getId().getType() == Meter.Type.COUNTER) {
                    double now = m.measure().iterator().next().getValue();
                    String id = m.getId().toString();
                    Double before = last.put(id, now);
                    if (before != null && now < before) {
                        fell.add(id + ": " + before + " -> " + now);
                    }
                }
            }
        }
        return List.copyOf(fell);
    }
}
