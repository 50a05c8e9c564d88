package io.warren.broker.queue;

import static io.warren.broker.EngineFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.BrowseBatch;
import io.warren.broker.BrowsePosition;
import io.warren.broker.Channel;
import io.warren.broker.Delivery;
import io.warren.message.Message;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Browsing a queue in batches: every message once, in delivery order, across levels and the paging boundary. */
class QueueBrowseTest {
    private static final AtomicInteger NAMES = new AtomicInteger();
    /** Bound on the concurrent test's threads: several times what it takes on a loaded machine. */
    private static final long WAIT_SECONDS = 60;

    private Broker broker;
    private Channel ch;

    private void start(long thresholdBytes, int readAhead) {
        broker = Broker.start(BrokerConfig.builder("browse-" + NAMES.incrementAndGet()).jmx(false)
                .queuePagingThreshold(thresholdBytes).pagingReadAhead(readAhead).build());
        ch = broker.defaultVirtualHost().connect("c").createChannel();
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    private void publish(Channel on, String queue, String body, int priority) {
        int n = Integer.parseInt(body.substring(1));
        on.publish("", queue, Message.builder().priority(priority).header("n", n).header("g", n % 7)
                .body(body.getBytes(StandardCharsets.UTF_8)).build()).join();
    }

    private QueueStatistics stats(String queue) {
        return broker.defaultVirtualHost().queue(queue).orElseThrow().statistics();
    }

    /** Browses the whole queue in batches of {@code max}, checking each batch's size. */
    private List<String> browseAll(Channel on, String queue, String selector, int max) {
        List<String> out = new ArrayList<>();
        BrowsePosition at = BrowsePosition.START;
        while (!at.isDone()) {
            BrowseBatch batch = on.browse(queue, selector, at, max);
            assertThat(batch.messages()).hasSizeLessThanOrEqualTo(max);
            batch.messages().forEach(m -> out.add(body(m)));
            at = batch.next();
        }
        return out;
    }

    @Test
    void batchesSeeEveryMessageOnceInDeliveryOrderAcrossLevelsAndThePagingBoundary() {
        start(2048, 5);
        ch.queueDeclare("q", true, false, false, Map.of(QueueArguments.MAX_PRIORITY, 2));
        List<List<String>> byLevel = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < 300; i++) {
            int priority = i % 3 == 0 ? 2 : i % 7 == 0 ? 0 : 1;
            publish(ch, "q", "m" + i, priority);
            byLevel.get(priority).add("m" + i);
        }
        assertThat(stats("q").paged()).as("some on the heap, the rest paged").isBetween(1, 299);
        List<String> expected = new ArrayList<>(byLevel.get(2));
        expected.addAll(byLevel.get(1));
        expected.addAll(byLevel.get(0));

        for (int max : new int[] {1, 7, 64, 1000}) {
            assertThat(browseAll(ch, "q", null, max)).as("batches of %d", max).containsExactlyElementsOf(expected);
        }
        assertThat(browseAll(ch, "q", "n >= 150", 7))
                .containsExactlyElementsOf(expected.stream().filter(b -> Integer.parseInt(b.substring(1)) >= 150)
                        .toList());
        assertThat(browseAll(ch, "q", null, 50)).as("nothing taken").hasSize(300);
    }

    @Test
    void messagesPagedInBetweenBatchesAreNeitherRepeatedNorSkipped() {
        start(2048, 30);
        ch.queueDeclare("q", true, false, false, Map.of());
        for (int i = 0; i < 300; i++) {
            publish(ch, "q", "m" + i, 0);
        }
        int onHeap = 300 - stats("q").paged();
        // Stop in the paged part, 20 slots past its head.
        List<String> got = new ArrayList<>();
        BrowseBatch first = ch.browse("q", null, BrowsePosition.START, onHeap + 20);
        first.messages().forEach(m -> got.add(body(m)));
        // Taking the heap entries and one more pages in the next 30 slots: 19 the browse saw, 10 it has not.
        List<String> taken = new ArrayList<>();
        for (int i = 0; i <= onHeap; i++) {
            taken.add(body(ch.get("q", false, null).message()));
        }
        assertThat(stats("q").paged()).as("paged in past the browse position").isLessThan(300 - onHeap - 20);
        BrowsePosition at = first.next();
        while (!at.isDone()) {
            BrowseBatch batch = ch.browse("q", null, at, 9);
            batch.messages().forEach(m -> got.add(body(m)));
            at = batch.next();
        }

        List<String> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            all.add("m" + i);
        }
        assertThat(taken).containsExactlyElementsOf(all.subList(0, onHeap + 1));
        assertThat(got).as("every message once, in order (delivered ones are browsed too)")
                .containsExactlyElementsOf(all);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void browsingWhileConsumersTakeMessagesReturnsNothingTwiceAndEverythingThatStayed() throws Exception {
        start(4096, 16);
        ch.queueDeclare("q", true, false, false, Map.of());
        int total = 3_000;
        for (int i = 0; i < total; i++) {
            publish(ch, "q", "m" + i, 0);
        }
        Set<String> taken = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> takers = new ArrayList<>();
            // One takes from the head (paging in), one with a selector from deep in the paged part.
            for (String selector : new String[] {null, "g = 3"}) {
                Channel own = broker.defaultVirtualHost().connect("t").createChannel();
                takers.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        Delivery d = own.get("q", true, selector);
                        if (d != null) {
                            taken.add(body(d));
                        }
                    }
                    return null;
                }));
            }
            List<Future<List<String>>> browsers = new ArrayList<>();
            for (int max : new int[] {13, 256}) {
                Channel own = broker.defaultVirtualHost().connect("b").createChannel();
                browsers.add(pool.submit(() -> browseAll(own, "q", null, max)));
            }
            for (Future<?> t : takers) {
                t.get(WAIT_SECONDS, TimeUnit.SECONDS);
            }
            for (Future<List<String>> b : browsers) {
                List<String> got = b.get(WAIT_SECONDS, TimeUnit.SECONDS);
                assertThat(new HashSet<>(got)).as("nothing twice").hasSize(got.size());
                List<Integer> numbers = got.stream().map(s -> Integer.parseInt(s.substring(1))).toList();
                assertThat(numbers).as("in order").isSorted();
                Set<String> stayed = new HashSet<>();
                for (int i = 0; i < total; i++) {
                    stayed.add("m" + i);
                }
                stayed.removeAll(taken);
                assertThat(got).as("everything that stayed").containsAll(stayed);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(taken).hasSize(600);
    }
}
