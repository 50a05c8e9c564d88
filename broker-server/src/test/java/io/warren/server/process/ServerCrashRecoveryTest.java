package io.warren.server.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server in a JVM of its own is killed with SIGKILL while two clients publish persistent messages with
 * confirms; after a restart on the same data directory every confirmed message is there exactly once.
 */
class ServerCrashRecoveryTest {
    private static final String QUEUE = "crash-recovery";
    private static final int CONFIRMS_BEFORE_KILL = 3_000;
    private static final int PUBLISHERS = 2;

    @TempDir
    Path dataDir;

    @Test
    void everyConfirmedPersistentMessageSurvivesAKill9ExactlyOnce() throws Exception {
        Set<Long> confirmed = ConcurrentHashMap.newKeySet();
        Set<Long> sent = ConcurrentHashMap.newKeySet();
        ServerProcess first = ServerProcess.start(dataDir);
        ServerProcess second = null;
        try {
            List<Thread> publishers = new ArrayList<>();
            ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
            AtomicLong sequence = new AtomicLong();
            Connection setup = factory(first.port).newConnection();
            setup.createChannel().queueDeclare(QUEUE, true, false, false, null);
            setup.close();
            for (int i = 0; i < PUBLISHERS; i++) {
                Connection c = factory(first.port).newConnection();
                Thread t = new Thread(() -> publish(c, sequence, sent, confirmed, unexpected), "crash-publisher-" + i);
                t.setDaemon(true);
                t.start();
                publishers.add(t);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> confirmed.size() >= CONFIRMS_BEFORE_KILL
                    || !unexpected.isEmpty());
            assertThat(unexpected).as("publisher failures before the kill").isEmpty();

            first.kill9(); // publishing goes on until the clients notice
            for (Thread t : publishers) {
                t.join(30_000);
                assertThat(t.isAlive()).as(t.getName() + " stopped after the kill").isFalse();
            }
            Set<Long> confirmedAtKill = Set.copyOf(confirmed);

            second = ServerProcess.start(dataDir);
            Set<Long> recovered = new HashSet<>();
            List<Long> duplicates = new ArrayList<>();
            Connection c = factory(second.port).newConnection();
            Channel ch = c.createChannel();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            GetResponse r;
            while ((r = ch.basicGet(QUEUE, true)) != null) {
                long seq = ByteBuffer.wrap(r.getBody()).getLong();
                if (!recovered.add(seq)) {
                    duplicates.add(seq);
                }
                assertThat(System.nanoTime() - deadline).as("draining the queue in time").isNegative();
            }
            c.close();

            System.out.printf("crash test: %d sent, %d confirmed, %d recovered after kill -9%n", sent.size(),
                    confirmedAtKill.size(), recovered.size());
            assertThat(confirmedAtKill).hasSizeGreaterThanOrEqualTo(CONFIRMS_BEFORE_KILL);
            assertThat(duplicates).as("messages recovered twice").isEmpty();
            Set<Long> lost = new HashSet<>(confirmedAtKill);
            lost.removeAll(recovered);
            assertThat(lost).as("confirmed messages lost in the crash").isEmpty();
            Set<Long> invented = new HashSet<>(recovered);
            invented.removeAll(sent);
            assertThat(invented).as("recovered messages nobody sent").isEmpty();
        } finally {
            first.destroy();
            if (second != null) {
                second.destroy();
            }
        }
    }

    /** Publishes numbered persistent messages with confirms until the connection dies. */
    private static void publish(Connection c, AtomicLong sequence, Set<Long> sent, Set<Long> confirmed,
                                ConcurrentLinkedQueue<Throwable> unexpected) {
        ConcurrentNavigableMap<Long, Long> outstanding = new ConcurrentSkipListMap<>();
        Semaphore window = new Semaphore(256);
        try {
            Channel ch = c.createChannel();
            ch.confirmSelect();
            ch.addConfirmListener((tag, multiple) -> settle(outstanding, tag, multiple, confirmed, window),
                    (tag, multiple) -> settle(outstanding, tag, multiple, null, window));
            while (c.isOpen()) {
                if (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                long seq = sequence.incrementAndGet();
                outstanding.put(ch.getNextPublishSeqNo(), seq);
                sent.add(seq);
                ch.basicPublish("", QUEUE, MessageProperties.PERSISTENT_BASIC,
                        ByteBuffer.allocate(8).putLong(seq).array());
            }
        } catch (Exception e) {
            if (c.isOpen()) {
                unexpected.add(e);
            }
            // otherwise the server was killed: expected
        } finally {
            try {
                c.abort(1_000);
            } catch (RuntimeException e) {
                // already gone
            }
        }
    }

    private static void settle(ConcurrentNavigableMap<Long, Long> outstanding, long tag, boolean multiple,
                               Set<Long> confirmed, Semaphore window) {
        var settled = multiple ? outstanding.headMap(tag, true) : outstanding.subMap(tag, true, tag, true);
        int n = 0;
        for (Long seq : settled.values()) {
            if (confirmed != null) {
                confirmed.add(seq);
            }
            n++;
        }
        settled.clear();
        window.release(n);
    }

    private static ConnectionFactory factory(int port) {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("127.0.0.1");
        f.setPort(port);
        f.setUsername("guest");
        f.setPassword("guest");
        f.setAutomaticRecoveryEnabled(false);
        f.setTopologyRecoveryEnabled(false);
        f.setConnectionTimeout(10_000);
        f.setChannelRpcTimeout(30_000);
        return f;
    }

    /** A {@link ServerMain} child JVM; its output is collected for failure messages. */
    private static final class ServerProcess {
        final Process process;
        final int port;
        final StringBuffer output;

        private ServerProcess(Process process, int port, StringBuffer output) {
            this.process = process;
            this.port = port;
            this.output = output;
        }

        static ServerProcess start(Path dataDir) throws Exception {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    ServerMain.class.getName(), dataDir.toString(), "0", "--until-stdin-closes")
                    .redirectErrorStream(true);
            Process p = pb.start();
            StringBuffer output = new StringBuffer();
            CompletableFuture<Integer> port = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        output.append(line).append('\n');
                        if (line.startsWith("PORT ")) {
                            port.complete(Integer.parseInt(line.substring(5).trim()));
                        }
                    }
                } catch (Exception e) {
                    port.completeExceptionally(e);
                } finally {
                    port.completeExceptionally(new IllegalStateException("server exited before listening:\n"
                            + output));
                }
            }, "server-process-output");
            reader.setDaemon(true);
            reader.start();
            try {
                return new ServerProcess(p, port.get(60, TimeUnit.SECONDS), output);
            } catch (Exception e) {
                p.toHandle().destroyForcibly();
                throw new AssertionError("server process did not start: " + output, e);
            }
        }

        /** SIGKILL on Linux: no shutdown hook, no flush. */
        void kill9() throws InterruptedException {
            process.toHandle().destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed server exited").isTrue();
        }

        void destroy() throws InterruptedException {
            if (process.isAlive()) {
                process.toHandle().destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
