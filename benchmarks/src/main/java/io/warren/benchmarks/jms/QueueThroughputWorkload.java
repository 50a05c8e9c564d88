package io.warren.benchmarks.jms;

import io.warren.benchmarks.BenchmarkSettings;
import io.warren.benchmarks.LatencyRecorder;
import io.warren.benchmarks.LatencySummary;
import io.warren.benchmarks.LoadThreads;
import io.warren.benchmarks.MeasurementWindow;
import io.warren.benchmarks.Pacer;
import io.warren.benchmarks.Payloads;
import io.warren.benchmarks.Report;
import io.warren.benchmarks.Result;
import io.warren.benchmarks.Waits;
import io.warren.benchmarks.Workload;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * W1: a JMS queue, one producer, one consumer, NON_PERSISTENT, AUTO_ACKNOWLEDGE, in two phases.
 * <ol>
 *   <li>Throughput: a producer thread sends as fast as it can while at most 10,000 messages are in flight (a
 *       permit per send, returned by the consumer's {@code MessageListener}); the rate is what the listener
 *       receives.</li>
 *   <li>Latency: the producer sends at a fixed rate ({@code --rate}, default 10,000 msgs/s), putting
 *       {@link System#nanoTime()} into a long property just before {@code send}; the listener records the time
 *       from there to {@code onMessage}.</li>
 * </ol>
 * Each phase gets the full warm-up and measurement time, on a queue of its own.
 */
public final class QueueThroughputWorkload implements Workload {
    private static final String BROKER = "bench-w1";
    private static final int IN_FLIGHT = 10_000;

    @Override
    public String id() {
        return "W1";
    }

    @Override
    public String title() {
        return "queue 1->1 non-persistent";
    }

    @Override
    public Result run(BenchmarkSettings settings) throws Exception {
        byte[] body = Payloads.of(settings.messageSize());
        try (JmsRig rig = JmsRig.open(BROKER, "", settings)) {
            double throughput = throughput(rig, settings, body);
            LatencySummary[] latency = new LatencySummary[1];
            double paced = paced(rig, settings, body, latency);
            return Result.rate(this, throughput, "msgs/s")
                    .withLatency(latency[0], "send->onMessage at " + Report.rate(settings.latencyRate())
                            + " msgs/s (achieved " + Report.rate(paced) + ")");
        }
    }

    private static double throughput(JmsRig rig, BenchmarkSettings settings, byte[] body) throws Exception {
        String queue = rig.name("bench.w1.throughput");
        Semaphore window = new Semaphore(IN_FLIGHT);
        CountingListener listener = new CountingListener(window);
        Session consumer = rig.session();
        consumer.createConsumer(consumer.createQueue(queue)).setMessageListener(listener);
        LoadThreads load = LoadThreads.start("bench-w1-producer", 1, i -> {
            Session s = rig.session();
            MessageProducer p = producer(s, queue);
            return () -> {
                window.acquire();
                p.send(JmsRig.bytesMessage(s, body));
            };
        });
        double[] rates;
        try {
            rates = new MeasurementWindow(settings).checking(load::checkHealthy).run(listener::received);
        } finally {
            load.stop();
        }
        Waits.until(() -> listener.received() >= load.completedSteps(), Duration.ofSeconds(10));
        consumer.close();
        return rates[0];
    }

    /** Runs the paced phase; returns the rate achieved and puts the latency into {@code summary[0]}. */
    private static double paced(JmsRig rig, BenchmarkSettings settings, byte[] body, LatencySummary[] summary)
            throws Exception {
        String queue = rig.name("bench.w1.latency");
        LatencyRecorder latency = new LatencyRecorder();
        Semaphore window = new Semaphore(IN_FLIGHT);
        CountingListener listener = new CountingListener(window, latency);
        Session consumer = rig.session();
        consumer.createConsumer(consumer.createQueue(queue)).setMessageListener(listener);
        LoadThreads load = LoadThreads.start("bench-w1-paced", 1, i -> {
            Session s = rig.session();
            MessageProducer p = producer(s, queue);
            Pacer pacer = new Pacer(settings.latencyRate());
            return () -> {
                pacer.awaitNext();
                window.acquire();
                BytesMessage m = JmsRig.bytesMessage(s, body);
                m.setLongProperty(CountingListener.SENT_AT, System.nanoTime());
                p.send(m);
            };
        });
        double[] rates;
        try {
            rates = new MeasurementWindow(settings).atStart(latency::reset)
                    .atEnd(() -> summary[0] = latency.summary()).checking(() -> {
                load.checkHealthy();
                listener.checkHealthy();
            }).run(listener::received);
        } finally {
            load.stop();
        }
        Waits.until(() -> listener.received() >= load.completedSteps(), Duration.ofSeconds(10));
        consumer.close();
        return rates[0];
    }

    private static MessageProducer producer(Session s, String queue) throws Exception {
        MessageProducer p = s.createProducer(s.createQueue(queue));
        p.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        return p;
    }
}
