package io.warren.server.amqp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.warren.broker.BrokerConfig;
import io.warren.server.ServerFixture;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Browsing consumers ({@code x-browse}) over the wire: the queue is walked a batch at a time, held to the socket
 * and, with acknowledgements, to the consumer's prefetch, whatever the depth of the queue, which pages here.
 */
class BrowseStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private ServerFixture fixture;
    private Channel ch;

    @BeforeEach
    void start() throws Exception {
        fixture = ServerFixture.start(BrokerConfig.builder("browse-stream").jmx(false)
                .queuePagingThreshold(64 * 1024).pagingReadAhead(32).pageFileSize(256 * 1024).build());
        ch = fixture.connect().createChannel();
        ch.queueDeclare("q", false, false, false, null);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private void fill(Channel on, String queue, int from, int count) throws IOException {
        byte[] pad = new byte[512];
        for (int i = from; i < from + count; i++) {
            byte[] body = ("m" + i + ":").getBytes(UTF_8);
            byte[] padded = new byte[body.length + pad.length];
            System.arraycopy(body, 0, padded, 0, body.length);
            on.basicPublish("", queue, new AMQP.BasicProperties.Builder().headers(Map.of("n", i)).build(), padded);
        }
    }

    private static int number(byte[] body) {
        String s = new String(body, UTF_8);
        return Integer.parseInt(s.substring(1, s.indexOf(':')));
    }

    private static Map<String, Object> browse() {
        return Map.of("x-browse", true);
    }

    /** Records what a browsing consumer receives and when the server ends the browse. */
    private static class Recorder extends DefaultConsumer {
        final List<Integer> seen = new ArrayList<>();
        final List<Long> tags = new ArrayList<>();
        final CompletableFuture<Void> end = new CompletableFuture<>();
        /** Whether to acknowledge each delivery as it comes (only once told to). */
        volatile boolean settling;

        Recorder(Channel ch) {
            super(ch);
        }

        @Override
        public synchronized void handleDelivery(String tag, Envelope e, AMQP.BasicProperties p, byte[] body)
                throws IOException {
            seen.add(number(body));
            tags.add(e.getDeliveryTag());
            if (settling) {
                // multiple: this one may already be settled by an ack of everything sent meanwhile
                getChannel().basicAck(e.getDeliveryTag(), true);
            }
        }

        @Override
        public void handleCancel(String tag) {
            end.complete(null);
        }

        synchronized int count() {
            return seen.size();
        }

        synchronized long tag(int i) {
            return tags.get(i);
        }
    }

    @Test
    void aNoAckBrowseWalksAPagedQueueInOrderAndTakesNothing() throws Exception {
        fill(ch, "q", 0, 5000);
        Recorder r = new Recorder(ch);
        ch.basicConsume("q", true, "", false, false, browse(), r);
        r.end.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(r.seen).hasSize(5000).isSorted().doesNotHaveDuplicates();
        assertThat(r.tags).containsOnly(0L);
        assertThat(ch.queueDeclarePassive("q").getMessageCount()).isEqualTo(5000);
    }

    @Test
    void anAcknowledgingBrowseNeverHasMoreThanItsPrefetchUnsettled() throws Exception {
        fill(ch, "q", 0, 1000);
        ch.basicQos(10);
        AtomicInteger settled = new AtomicInteger();
        AtomicInteger mostUnsettled = new AtomicInteger();
        List<Integer> seen = new ArrayList<>();
        CompletableFuture<Void> end = new CompletableFuture<>();
        ch.basicConsume("q", false, "", false, false, browse(), new DefaultConsumer(ch) {
            @Override
            public void handleDelivery(String tag, Envelope e, AMQP.BasicProperties p, byte[] body)
                    throws IOException {
                seen.add(number(body));
                mostUnsettled.accumulateAndGet(seen.size() - settled.get(), Math::max);
                if (seen.size() % 5 == 0) {
                    settled.set(seen.size());
                    getChannel().basicAck(e.getDeliveryTag(), true);
                }
            }

            @Override
            public void handleCancel(String tag) {
                end.complete(null);
            }
        });
        end.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(seen).hasSize(1000).isSorted();
        assertThat(mostUnsettled.get()).isBetween(1, 10);
        assertThat(ch.queueDeclarePassive("q").getMessageCount()).isEqualTo(1000);
    }

    @Test
    void anUnsettledBrowseStopsAtItsPrefetchAndGoesOnWhenSettled() throws Exception {
        fill(ch, "q", 0, 100);
        ch.basicQos(7);
        Recorder r = new Recorder(ch);
        ch.basicConsume("q", false, "", false, false, browse(), r);
        await().atMost(WAIT).until(() -> r.count() == 7);
        // a basic.get round trip on the same channel: the browse had every chance to overrun meanwhile
        assertThat(ch.basicGet("q", false)).isNotNull();
        assertThat(r.count()).isEqualTo(7);
        ch.basicReject(r.tag(0), false);
        ch.basicNack(r.tag(1), false, true);
        await().atMost(WAIT).until(() -> r.count() == 9);
        r.settling = true;
        ch.basicAck(0, true);
        r.end.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(r.seen).hasSize(100).isSorted();
    }

    @Test
    void aMultipleAckSettlesBrowseAndConsumerDeliveriesOfTheChannelAlike() throws Exception {
        ch.queueDeclare("work", false, false, false, null);
        fill(ch, "work", 0, 3);
        fill(ch, "q", 0, 50);
        ch.basicQos(5);
        List<Long> workTags = new CopyOnWriteArrayList<>();
        ch.basicConsume("work", false, new DefaultConsumer(ch) {
            @Override
            public void handleDelivery(String tag, Envelope e, AMQP.BasicProperties p, byte[] body) {
                workTags.add(e.getDeliveryTag());
            }
        });
        await().atMost(WAIT).until(() -> workTags.size() == 3);
        Recorder r = new Recorder(ch);
        ch.basicConsume("q", false, "", false, false, browse(), r);
        await().atMost(WAIT).until(() -> r.count() == 5);
        synchronized (r) {
            assertThat(r.tags).doesNotContainAnyElementsOf(workTags);
        }
        ch.basicAck(r.tag(4), true);
        await().atMost(WAIT).until(() -> ch.queueDeclarePassive("work").getMessageCount() == 0
                && r.count() == 10);
        r.settling = true;
        ch.basicAck(0, true);
        r.end.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(r.seen).hasSize(50);
    }

    @Test
    void anUnknownTagIsStillRefusedWhileABrowseIsUnderWay() throws Exception {
        fill(ch, "q", 0, 20);
        ch.basicQos(5);
        Recorder r = new Recorder(ch);
        ch.basicConsume("q", false, "", false, false, browse(), r);
        await().atMost(WAIT).until(() -> r.count() == 5);
        ch.basicAck(9999, false);
        await().atMost(WAIT).until(() -> !ch.isOpen());
        assertThat(ch.getCloseReason().getMessage()).contains("406").contains("9999");
    }

    @Test
    void aClientCancelEndsTheBrowseAndTheChannelGoesOn() throws Exception {
        fill(ch, "q", 0, 100);
        ch.basicQos(10);
        Recorder r = new Recorder(ch);
        String tag = ch.basicConsume("q", false, "", false, false, browse(), r);
        await().atMost(WAIT).until(() -> r.count() == 10);
        ch.basicCancel(tag);
        ch.basicAck(r.tag(9), true);
        assertThat(ch.basicGet("q", true)).isNotNull();
        assertThat(r.count()).isEqualTo(10);
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void aBrowseOfAMissingQueueFailsTheConsume() {
        assertThatThrownBy(() -> ch.basicConsume("missing", true, "", false, false, browse(), new DefaultConsumer(ch)))
                .isInstanceOf(IOException.class).hasStackTraceContaining("404");
    }

    @Test
    void aQueueDeletedMidBrowseEndsIt() throws Exception {
        fill(ch, "q", 0, 100);
        ch.basicQos(10);
        Recorder r = new Recorder(ch);
        ch.basicConsume("q", false, "", false, false, browse(), r);
        await().atMost(WAIT).until(() -> r.count() == 10);
        Channel other = fixture.connect().createChannel();
        other.queueDelete("q");
        ch.basicAck(r.tag(9), true);
        r.end.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void concurrentBrowsesSeeEachMessageOnceInOrderWhileTheQueueIsFedAndDrained() throws Exception {
        int produced = 20_000;
        int browsers = 3;
        Channel producer = fixture.connect().createChannel();
        fill(producer, "q", 0, 2000);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch browsing = new CountDownLatch(browsers);
        Future<?> feed = pool.submit(() -> {
            browsing.await();
            fill(producer, "q", 2000, produced - 2000);
            return null;
        });
        AtomicLong consumed = new AtomicLong();
        Channel consumer = fixture.connect().createChannel();
        consumer.basicQos(100);
        consumer.basicConsume("q", false, new DefaultConsumer(consumer) {
            @Override
            public void handleDelivery(String tag, Envelope e, AMQP.BasicProperties p, byte[] body)
                    throws IOException {
                consumed.incrementAndGet();
                getChannel().basicAck(e.getDeliveryTag(), false);
            }
        });
        List<ConcurrentLinkedQueue<Integer>> seen = new ArrayList<>();
        List<CompletableFuture<Void>> ends = new ArrayList<>();
        for (int b = 0; b < browsers; b++) {
            Channel c = fixture.connect().createChannel();
            c.basicQos(64);
            ConcurrentLinkedQueue<Integer> got = new ConcurrentLinkedQueue<>();
            CompletableFuture<Void> end = new CompletableFuture<>();
            seen.add(got);
            ends.add(end);
            boolean noAck = b == 0;
            c.basicConsume("q", noAck, "", false, false, browse(), new DefaultConsumer(c) {
                @Override
                public void handleDelivery(String tag, Envelope e, AMQP.BasicProperties p, byte[] body)
                        throws IOException {
                    got.add(number(body));
                    if (!noAck) {
                        getChannel().basicAck(e.getDeliveryTag(), false);
                    }
                }

                @Override
                public void handleCancel(String tag) {
                    end.complete(null);
                }
            });
            browsing.countDown();
        }
        feed.get(60, TimeUnit.SECONDS);
        for (CompletableFuture<Void> end : ends) {
            end.get(60, TimeUnit.SECONDS);
        }
        await().atMost(WAIT).until(() -> consumed.get() == produced);
        pool.shutdown();
        for (ConcurrentLinkedQueue<Integer> got : seen) {
            assertThat(new ArrayList<>(got)).isSorted().doesNotHaveDuplicates();
        }
    }
}
