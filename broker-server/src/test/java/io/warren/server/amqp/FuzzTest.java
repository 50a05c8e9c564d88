package io.warren.server.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import com.rabbitmq.client.ShutdownSignalException;
import io.warren.broker.BrokerException;
import io.warren.broker.VirtualHost;
import io.warren.server.ServerFixture;
import io.warren.server.amqp.codec.FrameTypes;
import io.warren.server.amqp.fuzz.FrameGenerator;
import io.warren.server.amqp.fuzz.FuzzClient;
import io.warren.server.amqp.fuzz.LeakWatch;
import io.warren.server.amqp.fuzz.LogWatch;
import io.warren.server.amqp.method.BasicPublish;
import io.warren.server.amqp.method.ChannelOpen;
import io.warren.server.amqp.method.ChannelOpenOk;
import io.warren.server.amqp.method.ConnectionClose;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Throws random and mutated frames at a running server over real sockets while a well-behaved RabbitMQ client
 * publishes and consumes with confirms, then checks that nothing crashed, hung or leaked. The seed is printed on
 * failure; rerun with {@code -Dfuzz.seed=<seed>}.
 */
class FuzzTest {
    private static final int CONNECTIONS = Integer.getInteger("fuzz.connections", 2_000);
    private static final int FRAMES_PER_CONNECTION = 50;
    private static final int CLIENT_THREADS = 8;
    private static final long CONNECTION_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(15);

    private enum Mode { RANDOM_BYTES, MUTATED, WRONG_ORDER, BAD_HEADER, BAD_HANDSHAKE }

    @Test
    void serverSurvivesOneHundredThousandRandomAndMutatedFramesAndKeepsServingAWellBehavedClient()
            throws Exception {
        long seed = Long.getLong("fuzz.seed", new SecureRandom().nextLong());
        try {
            fuzz(seed);
        } catch (Throwable t) {
            throw new AssertionError("fuzz run failed with seed " + seed + " (rerun with -Dfuzz.seed=" + seed
                    + "): " + t.getMessage(), t);
        }
    }

    private void fuzz(long seed) throws Exception {
        AtomicLong frames = new AtomicLong();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        List<String> leaks;
        try (LeakWatch leakWatch = LeakWatch.start(); LogWatch logs = LogWatch.start()) {
            logs.verifyCapturing();
            leakWatch.verifyDetecting();
            try (ServerFixture f = ServerFixture.start()) {
                VirtualHost vhost = f.broker.defaultVirtualHost();
                Set<String> baselineQueues = vhost.queueNames();
                int port = f.server.port();
                int baselineConnections;
                int baselineThreads;
                try (WellBehavedClient good = new WellBehavedClient(f.connect())) {
                    await().atMost(Duration.ofSeconds(10)).until(() -> good.confirmed() >= 100);
                    baselineConnections = f.server.connectionCount();
                    baselineThreads = liveThreads();

                    long started = System.nanoTime();
                    ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
                    for (int i = 0; i < CONNECTIONS; i++) {
                        int n = i;
                        pool.execute(() -> fuzzConnection(port, seed, n, frames, failures));
                    }
                    pool.shutdown();
                    assertThat(pool.awaitTermination(150, TimeUnit.SECONDS))
                            .as("fuzz connections finished in time").isTrue();
                    System.out.printf("fuzz: %d frames over %d connections in %d ms (seed %d)%n", frames.get(),
                            CONNECTIONS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), seed);

                    assertThat(failures).as("fuzz connections that hung or failed to connect").isEmpty();
                    assertThat(frames.get()).as("frames sent").isGreaterThanOrEqualTo(100_000);

                    good.stopAndVerify();
                    await().atMost(Duration.ofSeconds(30))
                            .untilAsserted(() -> assertThat(f.server.connectionCount())
                                    .as("open connections").isEqualTo(baselineConnections));
                }
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(f.server.connectionCount()).isEqualTo(baselineConnections - 1));

                // exclusive queues of every closed connection are gone; what mutations declared non-exclusive
                // stays, as AMQP says, and is removed here so the count returns to the baseline
                // a connection counts as closed before its exclusive queues are deleted: wait for them too
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(exclusiveQueues(vhost, baselineQueues)).as("exclusive queues of closed connections")
                                .isEmpty());
                Set<String> leftover = new TreeSet<>(vhost.queueNames());
                leftover.removeAll(baselineQueues);
                for (String q : leftover) {
                    vhost.queueDelete("fuzz-inspector", q, false, false);
                }
                assertThat(vhost.queueNames()).isEqualTo(baselineQueues);

                assertServerStillWorks(f);

                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(liveThreads()).as("live threads").isLessThanOrEqualTo(baselineThreads + 16));
            }
            leaks = leakWatch.collect();
            assertThat(logs.problems()).as("exceptions that escaped a handler (ERROR or unexpected WARN logs)")
                    .isEmpty();
        }
        assertThat(leaks).as("Netty buffer leaks").isEmpty();
    }

    private static void fuzzConnection(int port, long seed, int index, AtomicLong frames, Queue<String> failures) {
        Random r = new Random(seed ^ (index * 0x9E3779B97F4A7C15L));
        Mode mode = Mode.values()[r.nextInt(Mode.values().length)];
        try (FuzzClient c = FuzzClient.connect(port, 10_000)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int count = 0;
            if (mode == Mode.BAD_HEADER) {
                FrameGenerator g = new FrameGenerator(r, FrameTypes.DEFAULT_FRAME_MAX);
                out.writeBytes(g.badProtocolHeader());
                for (count = 1; count < FRAMES_PER_CONNECTION; count++) {
                    out.writeBytes(g.randomChunk());
                }
            } else if (mode == Mode.BAD_HANDSHAKE) {
                FrameGenerator g = new FrameGenerator(r, FrameTypes.DEFAULT_FRAME_MAX);
                out.writeBytes(FrameTypes.protocolHeader());
                for (; count < FRAMES_PER_CONNECTION; count++) {
                    out.writeBytes(g.handshakeFrame());
                }
            } else {
                c.handshake();
                FrameGenerator g = new FrameGenerator(r, c.frameMax());
                if (mode == Mode.RANDOM_BYTES) {
                    for (; count < FRAMES_PER_CONNECTION; count++) {
                        out.writeBytes(g.randomChunk());
                    }
                } else {
                    if (mode == Mode.MUTATED || r.nextBoolean()) {
                        out.writeBytes(FuzzClient.method(1, new ChannelOpen()));
                    }
                    while (count < FRAMES_PER_CONNECTION) {
                        List<byte[]> unit = new ArrayList<>(g.validUnit(g.channel()));
                        if (mode == Mode.WRONG_ORDER && unit.size() > 1 && r.nextInt(3) == 0) {
                            Collections.shuffle(unit, r);
                        }
                        for (byte[] frame : unit) {
                            out.writeBytes(mode == Mode.MUTATED && r.nextInt(4) == 0 ? g.mutate(frame) : frame);
                            count++;
                        }
                    }
                }
                out.writeBytes(FuzzClient.method(0, new ConnectionClose(200, "fuzz done", 0, 0)));
            }
            frames.addAndGet(count);
            byte[] all = out.toByteArray();
            int pieces = 1 + r.nextInt(4);
            int from = 0;
            for (int p = 1; p <= pieces; p++) {
                int to = p == pieces ? all.length : from + r.nextInt(all.length - from + 1);
                c.writeQuietly(java.util.Arrays.copyOfRange(all, from, to));
                from = to;
            }
            // Most connections end with FIN right away; some answer the server's close like a real client and
            // send FIN only if the server is still waiting for bytes (a truncated or oversized frame).
            boolean answer = mode != Mode.BAD_HEADER && r.nextInt(10) < 3;
            FuzzClient.Ending end = c.readUntilClosed(System.nanoTime() + CONNECTION_DEADLINE_NANOS, answer,
                    answer ? TimeUnit.MILLISECONDS.toNanos(50) : 0);
            if (end == FuzzClient.Ending.TIMED_OUT) {
                failures.add("connection " + index + " (" + mode + ") was not closed by the server within "
                        + TimeUnit.NANOSECONDS.toSeconds(CONNECTION_DEADLINE_NANOS) + " s after FIN");
            }
        } catch (IOException | RuntimeException e) {
            failures.add("connection " + index + " (" + mode + ") failed before fuzzing: " + e);
        }
    }

    private static List<String> exclusiveQueues(VirtualHost vhost, Set<String> baselineQueues) {
        Set<String> leftover = new TreeSet<>(vhost.queueNames());
        leftover.removeAll(baselineQueues);
        List<String> stillExclusive = new ArrayList<>();
        for (String q : leftover) {
            try {
                if (vhost.queueDeclarePassive("fuzz-inspector", q).exclusive()) {
                    stillExclusive.add(q);
                }
            } catch (BrokerException e) {
                stillExclusive.add(q + " (" + e.getMessage() + ")");
            }
        }
        return stillExclusive;
    }

    private static void assertServerStillWorks(ServerFixture f) throws Exception {
        Connection c = f.connect();
        Channel ch = c.createChannel();
        String q = ch.queueDeclare().getQueue();
        ch.confirmSelect();
        ch.basicPublish("", q, MessageProperties.PERSISTENT_TEXT_PLAIN, "after fuzz".getBytes(StandardCharsets.UTF_8));
        ch.waitForConfirmsOrDie(10_000);
        GetResponse got = ch.basicGet(q, true);
        assertThat(got).isNotNull();
        assertThat(new String(got.getBody(), StandardCharsets.UTF_8)).isEqualTo("after fuzz");
        c.close();
    }

    private static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    @Test
    void announcedBodySizeIsNotReservedBeforeTheBodyArrives() throws Exception {
        long announced = 100L * 1024 * 1024;
        // More announced bytes in total than the heap can hold: reserving them up front would exhaust it.
        int clients = (int) (Runtime.getRuntime().maxMemory() / announced) + 4;
        List<FuzzClient> raw = new ArrayList<>();
        try (ServerFixture f = ServerFixture.start()) {
            for (int i = 0; i < clients; i++) {
                FuzzClient c = FuzzClient.connect(f.server.port(), 10_000);
                raw.add(c);
                c.handshake();
                c.send(FuzzClient.method(1, new ChannelOpen()));
                c.expect(ChannelOpenOk.class);
                c.send(FuzzClient.method(1, new BasicPublish("", "nowhere", false, false)));
                c.send(contentHeader(1, announced));
                c.send(bodyFrame(1, new byte[16]));
            }
            // every connection is still healthy mid-message, and the server serves others
            for (FuzzClient c : raw) {
                c.send(FuzzClient.method(2, new ChannelOpen()));
                assertThat(c.expect(ChannelOpenOk.class)).isNotNull();
            }
            assertServerStillWorks(f);
        } finally {
            raw.forEach(FuzzClient::close);
        }
    }

    @Test
    void channelErrorNamingAQueueWithMultiByteCharactersClosesOnlyTheChannel() throws Exception {
        try (ServerFixture f = ServerFixture.start()) {
            Connection c = f.connect();
            Channel ch = c.createChannel();
            String name = "\u00e9".repeat(120); // 240 bytes: the reply text is over 255 bytes, not 255 chars
            try {
                ch.queueDeclarePassive(name);
                throw new AssertionError("passive declare of a missing queue succeeded");
            } catch (IOException e) {
                ShutdownSignalException s = (ShutdownSignalException) e.getCause();
                assertThat(s.isHardError()).as("connection closed instead of channel").isFalse();
                assertThat(((AMQP.Channel.Close) s.getReason()).getReplyCode()).isEqualTo(404);
            }
            assertThat(c.isOpen()).isTrue();
            assertThat(c.createChannel().queueDeclare().getQueue()).startsWith("amq.gen-");
        }
    }

    private static byte[] contentHeader(int channel, long bodySize) {
        ByteBuffer b = ByteBuffer.allocate(7 + 14 + 1);
        b.put((byte) FrameTypes.HEADER).putShort((short) channel).putInt(14);
        b.putShort((short) 60).putShort((short) 0).putLong(bodySize).putShort((short) 0);
        b.put((byte) FrameTypes.FRAME_END);
        return b.array();
    }

    private static byte[] bodyFrame(int channel, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(8 + body.length);
        b.put((byte) FrameTypes.BODY).putShort((short) channel).putInt(body.length).put(body);
        b.put((byte) FrameTypes.FRAME_END);
        return b.array();
    }

    /**
     * Publishes numbered persistent messages with confirms on one channel and consumes them with manual acks on
     * another, on an exclusive queue of its own, until stopped; then checks every message arrived exactly once.
     */
    private static final class WellBehavedClient implements AutoCloseable {
        private final Connection connection;
        private final Channel publisher;
        private final String queue;
        private final Set<Long> received = ConcurrentHashMap.newKeySet();
        private final AtomicLong duplicates = new AtomicLong();
        private final AtomicLong confirmedCount = new AtomicLong();
        private final Thread thread;
        private volatile boolean stop;
        private volatile Throwable failure;
        private volatile long published;

        WellBehavedClient(Connection connection) throws IOException {
            this.connection = connection;
            Channel consumer = connection.createChannel();
            this.queue = consumer.queueDeclare("", false, true, true, null).getQueue();
            consumer.basicQos(50);
            consumer.basicConsume(queue, false, (tag, delivery) -> {
                long seq = ByteBuffer.wrap(delivery.getBody()).getLong();
                if (!received.add(seq)) {
                    duplicates.incrementAndGet();
                }
                consumer.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
            }, tag -> { });
            this.publisher = connection.createChannel();
            publisher.confirmSelect();
            this.thread = new Thread(this::publish, "fuzz-well-behaved-publisher");
            thread.setDaemon(true);
            thread.start();
        }

        private void publish() {
            try {
                long seq = 0;
                while (!stop) {
                    for (int i = 0; i < 20; i++) {
                        publisher.basicPublish("", queue, MessageProperties.PERSISTENT_BASIC,
                                ByteBuffer.allocate(8).putLong(seq++).array());
                        published = seq;
                    }
                    publisher.waitForConfirmsOrDie(10_000);
                    confirmedCount.set(seq);
                }
            } catch (Throwable t) {
                failure = t;
            }
        }

        long confirmed() {
            if (failure != null) {
                throw new AssertionError("well-behaved client failed", failure);
            }
            return confirmedCount.get();
        }

        void stopAndVerify() throws InterruptedException {
            stop = true;
            thread.join(30_000);
            assertThat(thread.isAlive()).as("publisher stopped").isFalse();
            assertThat(failure).as("well-behaved client failure").isNull();
            long total = published;
            assertThat(confirmedCount.get()).isEqualTo(total);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(received).as("messages consumed by the well-behaved client").hasSize((int) total));
            assertThat(duplicates.get()).as("duplicate deliveries").isZero();
        }

        @Override
        public void close() throws IOException {
            stop = true;
            if (connection.isOpen()) {
                connection.close(10_000);
            }
        }
    }
}
