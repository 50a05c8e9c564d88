package io.warren.benchmarks.paging;

import io.warren.benchmarks.BenchmarkMain;
import io.warren.benchmarks.LatencyRecorder;
import io.warren.benchmarks.Payloads;
import io.warren.benchmarks.Waits;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * One backlog measurement through the JMS API, on one thread: fill a queue that has no consumer with
 * {@code count} messages (transacted, a commit every {@code batch} sends), measure the heap at full depth, for
 * persistent messages stop the broker and time its recovery, then drain the queue with one consumer (transacted,
 * same batches), checking that the sequence numbers come back in order. A producer the broker refuses ends the
 * fill early; what was committed until then is drained and the refusal reported.
 *
 * @see BacklogResult for what it measures
 */
final class BacklogRun {
    static final String QUEUE = "paging.backlog";
    /** The queue of the warm-up, filled and drained before anything is measured. */
    static final String WARMUP_QUEUE = "paging.warmup";
    static final String SEQ = "seq";
    private static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(10);

    /**
     * @param pagingCase what to fill
     * @param count      messages to queue
     * @param size       body size in bytes
     * @param batch      sends (and receives) per transaction
     * @param warmup     messages filled and drained through another queue before measuring
     */
    record Settings(PagingCase pagingCase, long count, int size, int batch, long warmup) {
    }

    private final BacklogBroker broker;
    private final Settings settings;
    private final PrintStream log;
    private final LatencyRecorder commitTime = new LatencyRecorder();
    private final LatencyRecorder receiveTime = new LatencyRecorder();

    BacklogRun(BacklogBroker broker, Settings settings, PrintStream log) {
        this.broker = broker;
        this.settings = settings;
        this.log = log;
    }

    BacklogResult run() throws Exception {
        PagingCase c = settings.pagingCase();
        ConnectionFactory factory = broker.start();
        Connection connection = factory.createConnection();
        try {
            connection.start();
            warmUp(connection);
            long heapBefore = HeapProbe.usedAfterGc();
            Fill fill = fill(connection, QUEUE, settings.count());
            awaitDepth(fill.filled(), Duration.ofMinutes(1));
            long heapFull = HeapProbe.usedAfterGc();
            double heapPerMessage = perMessage(heapFull - heapBefore, fill.filled());
            log.printf(Locale.ROOT, "filled %,d at %,.0f msgs/s, heap %,d MiB -> %,d MiB%n", fill.filled(),
                    fill.rate(), heapBefore >> 20, heapFull >> 20);
            double recoveryMillis = Double.NaN;
            double recoveredHeap = Double.NaN;
            if (c.persistent()) {
                connection.close();
                broker.stop();
                long start = System.nanoTime();
                connection = broker.start().createConnection();
                connection.start();
                awaitDepth(fill.filled(), RECOVERY_TIMEOUT);
                recoveryMillis = (System.nanoTime() - start) / 1e6;
                // against the heap of the empty broker before the fill: what the recovered queue costs
                recoveredHeap = perMessage(HeapProbe.usedAfterGc() - heapBefore, fill.filled());
                log.printf(Locale.ROOT, "recovered %,d messages in %,.0f ms%n", fill.filled(), recoveryMillis);
            }
            Drain drain = drain(connection, QUEUE, fill.filled());
            log.printf(Locale.ROOT, "drained %,d at %,.0f msgs/s%n", drain.received(), drain.rate());
            return new BacklogResult(broker.kind(), c, settings.count(), fill.filled(), fill.refusal(), fill.rate(),
                    heapPerMessage, recoveredHeap, recoveryMillis, drain.firstMillis(), drain.rate(),
                    drain.received(), drain.outOfOrder(), receiveTime.summary(), commitTime.summary(),
                    drain.problem());
        } finally {
            connection.close();
            broker.stop();
        }
    }

    private record Fill(long filled, double rate, String refusal) {
    }

    /**
     * Fills and drains {@value #WARMUP_QUEUE} with {@code warmup} messages, so that the measurement does not time
     * the JIT compiling the paths it takes (the in-memory cases are short), then forgets the latencies it recorded.
     */
    private void warmUp(Connection connection) throws JMSException {
        if (settings.warmup() == 0) {
            return;
        }
        Fill fill = fill(connection, WARMUP_QUEUE, settings.warmup());
        drain(connection, WARMUP_QUEUE, fill.filled());
        commitTime.reset();
        receiveTime.reset();
        log.printf(Locale.ROOT, "warmed up with %,d messages%n", fill.filled());
    }

    private Fill fill(Connection connection, String queue, long count) throws JMSException {
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer producer = session.createProducer(session.createQueue(queue));
        producer.setDeliveryMode(settings.pagingCase().persistent() ? DeliveryMode.PERSISTENT
                : DeliveryMode.NON_PERSISTENT);
        byte[] body = Payloads.of(settings.size());
        long progressStep = queue.equals(QUEUE) ? Math.max(1, count / 10) : Long.MAX_VALUE;
        long committed = 0;
        long start = System.nanoTime();
        long lastCommit = start;
        String refusal = null;
        try {
            for (long seq = 0; seq < count; seq++) {
                BytesMessage m = session.createBytesMessage();
                m.writeBytes(body);
                m.setLongProperty(SEQ, seq);
                producer.send(m);
                if ((seq + 1) % settings.batch() == 0 || seq + 1 == count) {
                    long before = System.nanoTime();
                    session.commit();
                    lastCommit = System.nanoTime();
                    commitTime.record(lastCommit - before);
                    if (committed / progressStep != (seq + 1) / progressStep) {
                        log.printf(Locale.ROOT, "filling: %,d%n", seq + 1);
                    }
                    committed = seq + 1;
                }
            }
        } catch (JMSException e) {
            refusal = "refused after " + String.format(Locale.ROOT, "%,d", committed) + " messages: "
                    + BenchmarkMain.describe(e);
            log.println("fill stopped: " + refusal);
            rollbackQuietly(session);
        } finally {
            session.close();
        }
        double seconds = (lastCommit - start) / 1e9;
        return new Fill(committed, committed == 0 ? 0 : committed / seconds, refusal);
    }

    private static void rollbackQuietly(Session session) {
        try {
            session.rollback();
        } catch (JMSException ignored) {
            // the refusal already says why the fill ended; the session is closed next
        }
    }

    private record Drain(long received, double rate, double firstMillis, long outOfOrder, String problem) {
    }

    private Drain drain(Connection connection, String queue, long expected) throws JMSException {
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        long start = System.nanoTime();
        MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
        long received = 0;
        long outOfOrder = 0;
        long next = 0;
        double firstMillis = Double.NaN;
        String problem = null;
        long lastCommit = start;
        try {
            while (received < expected) {
                long before = System.nanoTime();
                Message m = consumer.receive(RECEIVE_TIMEOUT.toMillis());
                long after = System.nanoTime();
                if (m == null) {
                    problem = String.format(Locale.ROOT, "no message within %d s after %,d of %,d",
                            RECEIVE_TIMEOUT.toSeconds(), received, expected);
                    break;
                }
                if (received == 0) {
                    firstMillis = (after - start) / 1e6;
                } else {
                    receiveTime.record(after - before);
                }
                long seq = m.getLongProperty(SEQ);
                if (seq != next) {
                    outOfOrder++;
                }
                next = seq + 1;
                received++;
                if (received % settings.batch() == 0 || received == expected) {
                    session.commit();
                    lastCommit = System.nanoTime();
                }
            }
        } finally {
            session.close();
        }
        double seconds = (lastCommit - start) / 1e9;
        return new Drain(received, received == 0 ? 0 : received / seconds, firstMillis, outOfOrder, problem);
    }

    private void awaitDepth(long depth, Duration timeout) throws InterruptedException {
        if (!Waits.until(() -> depthNow() >= depth, timeout)) {
            throw new IllegalStateException("queue " + QUEUE + " did not show " + depth + " messages within "
                    + timeout + " (it shows " + depthNow() + ")");
        }
    }

    private long depthNow() {
        try {
            return broker.depth(QUEUE);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the depth of " + QUEUE + " on " + broker.kind(), e);
        }
    }

    private static double perMessage(long bytes, long messages) {
        return messages == 0 ? Double.NaN : (double) bytes / messages;
    }
}
