package io.warren.benchmarks.jms;

import io.warren.benchmarks.BenchmarkSettings;
import io.warren.benchmarks.DataDirectories;
import io.warren.benchmarks.LatencyRecorder;
import io.warren.benchmarks.LatencySummary;
import io.warren.benchmarks.LoadThreads;
import io.warren.benchmarks.MeasurementWindow;
import io.warren.benchmarks.Payloads;
import io.warren.benchmarks.Result;
import io.warren.benchmarks.Waits;
import io.warren.benchmarks.Workload;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * W3: PERSISTENT messages sent in transactions of {@value #BATCH} (a {@code commit} after every
 * {@value #BATCH} sends) on a broker with an on-disk journal ({@code sync=always}), received by one
 * auto-acknowledging listener. The commit writes the batch with one sync, so this shows what batching buys
 * over W2. The latency columns are the time {@code commit} takes.
 */
public final class TransactedBatchWorkload implements Workload {
    private static final String BROKER = "bench-w3";
    private static final String QUEUE = "bench.w3";
    private static final int BATCH = 100;
    private static final int IN_FLIGHT = 10_000;

    @Override
    public String id() {
        return "W3";
    }

    @Override
    public String title() {
        return "queue 1->1 persistent, tx of " + BATCH;
    }

    @Override
    public boolean persistent() {
        return true;
    }

    @Override
    public Result run(BenchmarkSettings settings) throws Exception {
        byte[] body = Payloads.of(settings.messageSize());
        Semaphore window = new Semaphore(IN_FLIGHT);
        LatencyRecorder commitTime = new LatencyRecorder();
        LatencySummary[] summary = new LatencySummary[1];
        AtomicLong committed = new AtomicLong();
        Path dir = DataDirectories.create(settings.dataRoot(), BROKER + "-");
        try (JmsRig rig = JmsRig.open(BROKER, JournalUrls.options(dir, "always"), settings)) {
            Session consumer = rig.session();
            CountingListener listener = new CountingListener(window);
            consumer.createConsumer(consumer.createQueue(rig.name(QUEUE))).setMessageListener(listener);
            LoadThreads load = LoadThreads.start("bench-w3-producer", 1, i -> {
                Session s = rig.transactedSession();
                MessageProducer p = s.createProducer(s.createQueue(rig.name(QUEUE)));
                p.setDeliveryMode(DeliveryMode.PERSISTENT);
                return () -> {
                    window.acquire(BATCH);
                    for (int n = 0; n < BATCH; n++) {
                        p.send(JmsRig.bytesMessage(s, body));
                    }
                    long start = System.nanoTime();
                    s.commit();
                    commitTime.record(System.nanoTime() - start);
                    committed.addAndGet(BATCH);
                };
            });
            double[] rates;
            try {
                rates = new MeasurementWindow(settings).atStart(commitTime::reset)
                        .atEnd(() -> summary[0] = commitTime.summary())
                        .checking(load::checkHealthy).run(listener::received);
            } finally {
                load.stop();
            }
            Waits.until(() -> listener.received() >= committed.get(), Duration.ofSeconds(30));
            return Result.rate(this, rates[0], "msgs/s")
                    .withLatency(summary[0], "time of commit() of " + BATCH + " sends");
        } finally {
            DataDirectories.delete(dir);
        }
    }
}
