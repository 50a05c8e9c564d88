package io.warren.benchmarks.engine;

import io.warren.benchmarks.BenchmarkSettings;
import io.warren.benchmarks.LoadThreads;
import io.warren.benchmarks.MeasurementWindow;
import io.warren.benchmarks.Payloads;
import io.warren.benchmarks.Result;
import io.warren.benchmarks.Waits;
import io.warren.benchmarks.Workload;
import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.Channel;
import io.warren.broker.ClientConnection;
import io.warren.broker.ConsumeOptions;
import io.warren.message.Message;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * E1: the engine's queue path without JMS on top. One thread publishes non-persistent messages through the
 * default exchange to one queue; one consumer with prefetch 1,000 takes them on a thread of its own and
 * acknowledges every 100th with {@code multiple = true}. At most 10,000 messages are in flight: the producer
 * takes a permit per message and the consumer returns them as it acknowledges.
 */
public final class EngineQueueWorkload implements Workload {
    private static final String QUEUE = "bench.e1";
    private static final int PREFETCH = 1_000;
    private static final int ACK_EVERY = 100;
    private static final int IN_FLIGHT = 10_000;

    @Override
    public String id() {
        return "E1";
    }

    @Override
    public String title() {
        return "engine queue 1->1 non-persistent";
    }

    @Override
    public Result run(BenchmarkSettings settings) throws Exception {
        byte[] body = Payloads.of(settings.messageSize());
        Semaphore window = new Semaphore(IN_FLIGHT);
        try (Broker broker = Broker.start(BrokerConfig.builder("bench-e1").build());
             ClientConnection connection = broker.defaultVirtualHost().connect("bench-e1")) {
            Channel producer = connection.createChannel();
            Channel consumer = connection.createChannel();
            producer.queueDeclare(QUEUE, false, false, false, Map.of());
            AckingConsumer acking = new AckingConsumer(consumer, ACK_EVERY, PREFETCH, window::release);
            consumer.consume(QUEUE, ConsumeOptions.prefetch(PREFETCH), acking::offer);
            acking.start();
            try {
                LoadThreads load = LoadThreads.start("bench-e1-producer", 1, i -> () -> {
                    window.acquire();
                    producer.publish("", QUEUE, Message.builder().body(body).build());
                });
                double[] rates;
                try {
                    rates = new MeasurementWindow(settings).checking(() -> {
                        load.checkHealthy();
                        acking.checkHealthy();
                    }).run(acking::consumed);
                } finally {
                    load.stop();
                }
                Waits.until(() -> acking.consumed() >= load.completedSteps(), Duration.ofSeconds(10));
                acking.checkHealthy();
                return Result.rate(this, rates[0], "msgs/s");
            } finally {
                acking.stop();
            }
        }
    }
}
