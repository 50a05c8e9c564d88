package io.warren.broker.queue;

import static io.warren.broker.EngineFixture.body;
import static io.warren.broker.EngineFixture.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.Channel;
import io.warren.broker.ConsumeOptions;
import io.warren.broker.Delivery;
import io.warren.broker.EngineFixture;
import io.warren.broker.store.ForwardingStore;
import io.warren.broker.store.MemoryStore;
import io.warren.broker.store.Store;
import io.warren.message.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A consumer that reaches a queue's paged part waits for the content to be read off the queue's lock: meanwhile
 * publishers and other consumers of the queue go on, and the content is read once.
 */
class PageInOffTheLockTest {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final int MESSAGES = 300;

    private final GatedStore store = new GatedStore(new MemoryStore());
    private Broker broker;
    private Channel ch;

    @AfterEach
    void stop() {
        store.release();
        if (broker != null) {
            broker.close();
        }
    }

    private void start() {
        broker = Broker.start(BrokerConfig.builder("page-in-" + NAMES.incrementAndGet()).jmx(false)
                .queuePagingThreshold(0).pagingReadAhead(32).store(() -> store).build());
        ch = broker.defaultVirtualHost().connect("c").createChannel();
        ch.queueDeclare("q", true, false, false, Map.of());
    }

    private static Message persistent(String body) {
        return Message.builder().persistent(true).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .build();
    }

    @Test
    void aPublisherIsNotHeldWhileAConsumersPageInReadsFromDisk() throws Exception {
        start();
        for (int i = 0; i < MESSAGES; i++) {
            ch.publish("", "q", persistent("m" + i)).join();
        }
        assertThat(broker.defaultVirtualHost().queue("q").orElseThrow().statistics().paged()).isEqualTo(MESSAGES);
        store.hold();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // the consume itself runs the first dispatch: on another thread, in case it blocks on the read
            Future<BlockingQueue<Delivery>> consuming = pool.submit(() ->
                    EngineFixture.consume(ch, "q", ConsumeOptions.prefetch(10).withAutoAck(true)));
            assertThat(store.blocked.await(10, TimeUnit.SECONDS)).as("a read of paged content started").isTrue();

            Channel publisher = broker.defaultVirtualHost().connect("p").createChannel();
            CompletableFuture<?> published = publisher.publish("", "q", persistent("late"));
            published.get(10, TimeUnit.SECONDS);
            assertThat(broker.defaultVirtualHost().queue("q").orElseThrow().statistics().ready())
                    .as("the queue answers while its content is being read").isEqualTo(MESSAGES + 1);

            store.release();
            List<String> got = new ArrayList<>();
            for (Delivery d : take(consuming.get(10, TimeUnit.SECONDS), MESSAGES + 1)) {
                got.add(body(d));
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                expected.add("m" + i);
            }
            expected.add("late");
            assertThat(got).containsExactlyElementsOf(expected);
            assertThat(store.reads.get()).as("each message read once").isEqualTo(MESSAGES + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closingTheBrokerWaitsForAReadAheadInFlightBeforeItClosesTheStore() throws Exception {
        start();
        for (int i = 0; i < MESSAGES; i++) {
            ch.publish("", "q", persistent("m" + i)).join();
        }
        store.hold();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> EngineFixture.consume(ch, "q", ConsumeOptions.prefetch(10).withAutoAck(true)));
            assertThat(store.blocked.await(10, TimeUnit.SECONDS)).as("a read of paged content started").isTrue();
            Thread closer = new Thread(broker::close, "closer");
            closer.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> closer.getState() == Thread.State.TIMED_WAITING
                    || closer.getState() == Thread.State.TERMINATED);
            store.release();
            closer.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(closer.isAlive()).isFalse();
            assertThat(store.readsInFlightAtClose).as("store reads under way when the store was closed").hasValue(0);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void consumersOnSeveralThreadsDrainAPagedQueueWhilePublishersFeedIt() throws Exception {
        start();
        int publishers = 3;
        int perPublisher = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(publishers);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int p = 0; p < publishers; p++) {
                int id = p;
                sent.add(pool.submit(() -> {
                    Channel c = broker.defaultVirtualHost().connect("p" + id).createChannel();
                    for (int i = 0; i < perPublisher; i++) {
                        c.publish("", "q", persistent(id + ":" + i)).join();
                    }
                    return null;
                }));
            }
            List<BlockingQueue<Delivery>> consumers = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                consumers.add(EngineFixture.consume(broker.defaultVirtualHost().connect("c" + k).createChannel(),
                        "q", ConsumeOptions.prefetch(20).withAutoAck(true)));
            }
            for (Future<?> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
            int[] last = new int[publishers];
            java.util.Arrays.fill(last, -1);
            int received = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            List<List<int[]>> perConsumer = new ArrayList<>();
            for (int k = 0; k < consumers.size(); k++) {
                perConsumer.add(new ArrayList<>());
            }
            while (received < publishers * perPublisher && System.nanoTime() < deadline) {
                for (int k = 0; k < consumers.size(); k++) {
                    Delivery d = consumers.get(k).poll(10, TimeUnit.MILLISECONDS);
                    if (d != null) {
                        String[] parts = body(d).split(":");
                        perConsumer.get(k).add(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
                        received++;
                    }
                }
            }
            assertThat(received).isEqualTo(publishers * perPublisher);
            // each consumer sees each publisher's messages in the order they were sent
            for (List<int[]> seen : perConsumer) {
                java.util.Arrays.fill(last, -1);
                for (int[] m : seen) {
                    assertThat(m[1]).isGreaterThan(last[m[0]]);
                    last[m[0]] = m[1];
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A memory store whose reads can be held, to see what the queue does while its content is on the way. */
    private static final class GatedStore extends ForwardingStore {
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger reading = new AtomicInteger();
        final AtomicInteger readsInFlightAtClose = new AtomicInteger(-1);
        final CountDownLatch blocked = new CountDownLatch(1);
        private volatile CountDownLatch gate = new CountDownLatch(0);

        GatedStore(Store delegate) {
            super(delegate);
        }

        void hold() {
            gate = new CountDownLatch(1);
        }

        void release() {
            gate.countDown();
        }

        @Override
        public Message read(long messageId) {
            reading.incrementAndGet();
            try {
                CountDownLatch g = gate;
                if (g.getCount() > 0) {
                    blocked.countDown();
                    awaitIgnoringInterrupts(g);
                }
                reads.incrementAndGet();
                return delegate.read(messageId);
            } finally {
                reading.decrementAndGet();
            }
        }

        /** Like a disk read, a held read is not cut short by an interrupt. */
        private static void awaitIgnoringInterrupts(CountDownLatch g) {
            boolean interrupted = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            try {
                while (true) {
                    try {
                        if (g.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                            return;
                        }
                        throw new IllegalStateException("store read held for 30 s");
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void close() {
            readsInFlightAtClose.set(reading.get());
            super.close();
        }

        @Override
        public boolean isDurable() {
            return true;
        }
    }
}
