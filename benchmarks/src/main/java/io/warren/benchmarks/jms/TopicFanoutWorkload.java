package io.warren.benchmarks.jms;

import io.warren.benchmarks.BenchmarkSettings;
import io.warren.benchmarks.LoadThreads;
import io.warren.benchmarks.MeasurementWindow;
import io.warren.benchmarks.Payloads;
import io.warren.benchmarks.Report;
import io.warren.benchmarks.Result;
import io.warren.benchmarks.Waits;
import io.warren.benchmarks.Workload;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * W4: a JMS topic with one producer and four non-durable subscribers, each on a session (and so a delivery
 * thread) of its own, NON_PERSISTENT. Every send takes four in-flight permits, one per copy, and each
 * subscriber returns one per message, so no subscriber falls more than 10,000 messages behind. The rate is
 * deliveries summed over the four subscribers.
 */
public final class TopicFanoutWorkload implements Workload {
    private static final String BROKER = "bench-w4";
    private static final String TOPIC = "bench.w4";
    private static final int SUBSCRIBERS = 4;
    private static final int IN_FLIGHT = 10_000 * SUBSCRIBERS;

    @Override
    public String id() {
        return "W4";
    }

    @Override
    public String title() {
        return "topic 1->4 non-persistent";
    }

    @Override
    public Result run(BenchmarkSettings settings) throws Exception {
        byte[] body = Payloads.of(settings.messageSize());
        Semaphore window = new Semaphore(IN_FLIGHT);
        try (JmsRig rig = JmsRig.open(BROKER, "", settings)) {
            List<CountingListener> subscribers = new ArrayList<>();
            for (int i = 0; i < SUBSCRIBERS; i++) {
                Session s = rig.session();
                Topic topic = s.createTopic(rig.name(TOPIC));
                CountingListener listener = new CountingListener(window);
                s.createConsumer(topic).setMessageListener(listener);
                subscribers.add(listener);
            }
            LoadThreads load = LoadThreads.start("bench-w4-producer", 1, i -> {
                Session s = rig.session();
                MessageProducer p = s.createProducer(s.createTopic(rig.name(TOPIC)));
                p.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
                return () -> {
                    window.acquire(SUBSCRIBERS);
                    p.send(JmsRig.bytesMessage(s, body));
                };
            });
            double[] rates;
            try {
                rates = new MeasurementWindow(settings).checking(load::checkHealthy)
                        .run(() -> delivered(subscribers));
            } finally {
                load.stop();
            }
            Waits.until(() -> delivered(subscribers) >= SUBSCRIBERS * load.completedSteps(), Duration.ofSeconds(10));
            return Result.rate(this, rates[0], "msgs/s")
                    .withNote("deliveries summed over " + SUBSCRIBERS + " subscribers; "
                            + Report.rate(rates[0] / SUBSCRIBERS) + " sends/s");
        }
    }

    private static long delivered(List<CountingListener> subscribers) {
        long sum = 0;
        for (CountingListener l : subscribers) {
            sum += l.received();
        }
        return sum;
    }
}
