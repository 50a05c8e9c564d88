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
import java.util.Locale;
import java.util.concurrent.Semaphore;

/**
 * W2 and W2c: PERSISTENT messages to a JMS queue on a broker with an on-disk journal synced on every write
 * ({@code sync=always}), one consumer with a {@code MessageListener}, AUTO_ACKNOWLEDGE. A persistent send
 * returns once the message is on disk, so one producer (W2) is bounded by the disk's sync rate; several
 * producers, each on a session of its own (W2c: eight), share syncs through the journal's group commit. The
 * latency columns are the time {@code send} takes.
 */
public final class PersistentQueueWorkload implements Workload {
    private static final String QUEUE = "bench.persistent";
    private static final int IN_FLIGHT = 10_000;

    private final String id;
    private final int producers;

    /**
     * @param id        the workload's name, e.g. {@code W2}
     * @param producers number of producer threads
     */
    public PersistentQueueWorkload(String id, int producers) {
        this.id = id;
        this.producers = producers;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return "queue " + producers + "->1 persistent, sync=always";
    }

    @Override
    public boolean persistent() {
        return true;
    }

    @Override
    public Result run(BenchmarkSettings settings) throws Exception {
        byte[] body = Payloads.of(settings.messageSize());
        Semaphore window = new Semaphore(IN_FLIGHT);
        LatencyRecorder sendTime = new LatencyRecorder();
        LatencySummary[] summary = new LatencySummary[1];
        String broker = "bench-" + id.toLowerCase(Locale.ROOT);
        Path dir = DataDirectories.create(settings.dataRoot(), broker + "-");
        try (JmsRig rig = JmsRig.open(broker, JournalUrls.options(dir, "always"), settings)) {
            Session consumer = rig.session();
            CountingListener listener = new CountingListener(window);
            consumer.createConsumer(consumer.createQueue(rig.name(QUEUE))).setMessageListener(listener);
            LoadThreads load = LoadThreads.start(broker + "-producer", producers, i -> {
                Session s = rig.session();
                MessageProducer p = s.createProducer(s.createQueue(rig.name(QUEUE)));
                p.setDeliveryMode(DeliveryMode.PERSISTENT);
                return () -> {
                    window.acquire();
                    var m = JmsRig.bytesMessage(s, body);
                    long start = System.nanoTime();
                    p.send(m);
                    sendTime.record(System.nanoTime() - start);
                };
            });
            double[] rates;
            try {
                rates = new MeasurementWindow(settings).atStart(sendTime::reset)
                        .atEnd(() -> summary[0] = sendTime.summary())
                        .checking(load::checkHealthy).run(listener::received);
            } finally {
                load.stop();
            }
            Waits.until(() -> listener.received() >= load.completedSteps(), Duration.ofSeconds(30));
            return Result.rate(this, rates[0], "msgs/s").withLatency(summary[0], "time of a persistent send()");
        } finally {
            DataDirectories.delete(dir);
        }
    }
}
