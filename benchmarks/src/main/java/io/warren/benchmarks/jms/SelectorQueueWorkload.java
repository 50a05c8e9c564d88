package io.warren.benchmarks.jms;

import io.warren.benchmarks.BenchmarkSettings;
import io.warren.benchmarks.LoadThreads;
import io.warren.benchmarks.MeasurementWindow;
import io.warren.benchmarks.Payloads;
import io.warren.benchmarks.Report;
import io.warren.benchmarks.Result;
import io.warren.benchmarks.Waits;
import io.warren.benchmarks.Workload;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * W5: message selectors on a JMS queue. The producer gives every message an int property {@code bucket}
 * cycling through 0..9; one consumer selects {@value #MATCHING} (10% of the messages), a second one
 * {@value #REST} (the other 90%), so the queue never keeps unselected messages. NON_PERSISTENT, at most 10,000
 * messages in flight. The rate is the two consumers together; the note gives the selective one's share.
 */
public final class SelectorQueueWorkload implements Workload {
    private static final String BROKER = "bench-w5";
    private static final String QUEUE = "bench.w5";
    static final String MATCHING = "bucket = 0";
    static final String REST = "bucket <> 0";
    private static final int IN_FLIGHT = 10_000;

    @Override
    public String id() {
        return "W5";
    }

    @Override
    public String title() {
        return "queue with selector consumers 10%+90%";
    }

    @Override
    public Result run(BenchmarkSettings settings) throws Exception {
        byte[] body = Payloads.of(settings.messageSize());
        Semaphore window = new Semaphore(IN_FLIGHT);
        try (JmsRig rig = JmsRig.open(BROKER, "", settings)) {
            CountingListener matching = consumer(rig, MATCHING, window);
            CountingListener rest = consumer(rig, REST, window);
            LoadThreads load = LoadThreads.start("bench-w5-producer", 1, i -> {
                Session s = rig.session();
                MessageProducer p = s.createProducer(s.createQueue(rig.name(QUEUE)));
                p.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
                int[] bucket = {0};
                return () -> {
                    window.acquire();
                    BytesMessage m = JmsRig.bytesMessage(s, body);
                    m.setIntProperty("bucket", bucket[0]);
                    bucket[0] = (bucket[0] + 1) % 10;
                    p.send(m);
                };
            });
            double[] rates;
            try {
                rates = new MeasurementWindow(settings).checking(load::checkHealthy)
                        .run(() -> matching.received() + rest.received(), matching::received);
            } finally {
                load.stop();
            }
            Waits.until(() -> matching.received() + rest.received() >= load.completedSteps(), Duration.ofSeconds(10));
            return Result.rate(this, rates[0], "msgs/s")
                    .withNote("consumer '" + MATCHING + "': " + Report.rate(rates[1]) + " msgs/s, consumer '"
                            + REST + "': " + Report.rate(rates[0] - rates[1]) + " msgs/s");
        }
    }

    private static CountingListener consumer(JmsRig rig, String selector, Semaphore window) throws Exception {
        Session s = rig.session();
        Queue queue = s.createQueue(rig.name(QUEUE));
        CountingListener listener = new CountingListener(window);
        s.createConsumer(queue, selector).setMessageListener(listener);
        return listener;
    }
}
