package io.warren.benchmarks.engine;

import io.warren.benchmarks.BenchmarkSettings;
import io.warren.benchmarks.LoadThreads;
import io.warren.benchmarks.MeasurementWindow;
import io.warren.benchmarks.Payloads;
import io.warren.benchmarks.Report;
import io.warren.benchmarks.Result;
import io.warren.benchmarks.Workload;
import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.Channel;
import io.warren.broker.ClientConnection;
import io.warren.broker.ConsumeOptions;
import io.warren.message.Message;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * E2: routing through {@code amq.topic} with 10,000 bindings. Eight queues are bound with
 * {@code stock.<i>.*} and {@code stock.<i>.#} for 4,999 values of {@code i}, and two of them also with
 * {@code #.nyse}. One thread publishes with keys {@code stock.<i>.nyse} and {@code stock.<i>.nasdaq} for random
 * {@code i}, so each publish matches two to four bindings and reaches two to four queues. Auto-acknowledging
 * consumers with no prefetch limit drain the queues as messages arrive (their listener only counts), so the
 * figure is what routing, enqueueing and dispatch cost together; it is the publish rate.
 */
public final class TopicRoutingWorkload implements Workload {
    private static final int QUEUES = 8;
    private static final int STOCKS = 4_999;
    private static final int KEYS = 1 << 14;

    @Override
    public String id() {
        return "E2";
    }

    @Override
    public String title() {
        return "engine topic routing, 10,000 bindings";
    }

    @Override
    public Result run(BenchmarkSettings settings) throws Exception {
        byte[] body = Payloads.of(settings.messageSize());
        String[] keys = routingKeys();
        LongAdder delivered = new LongAdder();
        try (Broker broker = Broker.start(BrokerConfig.builder("bench-e2").build());
             ClientConnection connection = broker.defaultVirtualHost().connect("bench-e2")) {
            Channel setup = connection.createChannel();
            long bindStart = System.nanoTime();
            int bindings = bind(setup);
            long bindMillis = (System.nanoTime() - bindStart) / 1_000_000;
            Channel consumers = connection.createChannel();
            for (int q = 0; q < QUEUES; q++) {
                consumers.consume(queue(q), ConsumeOptions.prefetch(0).withAutoAck(true), d -> delivered.increment());
            }
            Channel producer = connection.createChannel();
            LoadThreads load = LoadThreads.start("bench-e2-producer", 1, i -> new LoadThreads.Step() {
                private int next;

                @Override
                public void run() {
                    String key = keys[next++ & (KEYS - 1)];
                    producer.publish("amq.topic", key, Message.builder().body(body).build());
                }
            });
            double[] rates;
            try {
                rates = new MeasurementWindow(settings).checking(load::checkHealthy)
                        .run(load::completedSteps, delivered::sum);
            } finally {
                load.stop();
            }
            return Result.rate(this, rates[0], "publishes/s")
                    .withNote(String.format(Locale.ROOT, "%s deliveries/s (%.1f queues per publish); declaring the"
                            + " %,d bindings took %,d ms", Report.rate(rates[1]), rates[1] / rates[0], bindings,
                            bindMillis));
        }
    }

    private static int bind(Channel ch) {
        int bindings = 0;
        for (int q = 0; q < QUEUES; q++) {
            ch.queueDeclare(queue(q), false, false, false, Map.of());
        }
        for (int i = 0; i < STOCKS; i++) {
            ch.queueBind(queue(i % QUEUES), "amq.topic", "stock." + i + ".*", Map.of());
            ch.queueBind(queue((i + 3) % QUEUES), "amq.topic", "stock." + i + ".#", Map.of());
            bindings += 2;
        }
        ch.queueBind(queue(0), "amq.topic", "#.nyse", Map.of());
        ch.queueBind(queue(1), "amq.topic", "#.nyse", Map.of());
        return bindings + 2;
    }

    private static String[] routingKeys() {
        SplittableRandom random = new SplittableRandom(42);
        String[] keys = new String[KEYS];
        for (int k = 0; k < KEYS; k++) {
            keys[k] = "stock." + random.nextInt(STOCKS) + (k % 2 == 0 ? ".nyse" : ".nasdaq");
        }
        return keys;
    }

    private static String queue(int q) {
        return "bench.e2." + q;
    }
}
