package io.warren.benchmarks.jmh;

import io.warren.benchmarks.Payloads;
import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.Channel;
import io.warren.broker.ClientConnection;
import io.warren.broker.Delivery;
import io.warren.broker.queue.MessageQueue;
import io.warren.broker.queue.QueueArguments;
import io.warren.broker.queue.QueueEntry;
import io.warren.message.Message;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * A non-persistent message with a 256-byte body through an engine queue, in nanoseconds per operation, on a
 * broker that keeps its state in memory.
 *
 * <p>{@code offerGetAck}: one thread enqueues ({@link MessageQueue#offer}), takes ({@link MessageQueue#get}) and
 * acknowledges ({@link MessageQueue#acknowledge}) one message per operation, on a queue built directly on the
 * broker's virtual host (the broker offers no public way to reach the {@code MessageQueue} it declares), so no
 * exchange, channel or consumer is involved. {@code channelPublishGetAck} does the same through the public
 * {@link Channel} API (default exchange routing, delivery tags, the channel's unacked map), for the layer's cost.
 *
 * <p>{@code pingPong}: one producer thread ({@code offer}) and one consumer thread ({@code get} and
 * {@code acknowledge}) on one queue bounded at 1,024 messages ({@code reject-publish}); each side spins while
 * the queue is full or empty, so JMH reports each side's time per successful operation, including time spent
 * waiting for the other side and contending for the queue's lock.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class QueueBenchmark {
    private static final String CONNECTION = "jmh";
    private static final String QUEUE = "jmh.queue";
    private static final Message MESSAGE =
            Message.builder().routingKey(QUEUE).header("tier", 3).body(Payloads.of(256)).build();

    /** A broker of its own, with a queue built directly on its virtual host and one declared through a channel. */
    @State(Scope.Thread)
    public static class Single {
        private Broker broker;
        private ClientConnection connection;
        private Channel channel;
        private MessageQueue queue;

        @Setup
        public void start() {
            broker = Broker.start(BrokerConfig.builder("jmh-queue").build());
            connection = broker.defaultVirtualHost().connect(CONNECTION);
            channel = connection.createChannel();
            channel.queueDeclare(QUEUE, false, false, false, Map.of());
            queue = directQueue(broker, "jmh.direct", Map.of());
        }

        @TearDown
        public void stop() {
            connection.close();
            broker.close();
        }
    }

    /** The producer's and the consumer's shared broker and bounded queue. */
    @State(Scope.Group)
    public static class Paired {
        private Broker broker;
        private MessageQueue queue;

        @Setup
        public void start() {
            broker = Broker.start(BrokerConfig.builder("jmh-queue-paired").build());
            queue = directQueue(broker, "jmh.bounded",
                    Map.of(QueueArguments.MAX_LENGTH, 1_024, QueueArguments.OVERFLOW, "reject-publish"));
        }

        @TearDown
        public void stop() {
            broker.close();
        }
    }

    private static MessageQueue directQueue(Broker broker, String name, Map<String, Object> arguments) {
        return new MessageQueue(broker.defaultVirtualHost(), name, false, false, null,
                QueueArguments.parse(name, arguments));
    }

    @Benchmark
    public Message offerGetAck(Single s) {
        s.queue.offer(MESSAGE, 0);
        QueueEntry e = s.queue.get(null, false, CONNECTION);
        s.queue.acknowledge(List.of(e));
        return e.message();
    }

    @Benchmark
    public Message channelPublishGetAck(Single s) {
        s.channel.publish("", QUEUE, MESSAGE).join();
        Delivery d = s.channel.get(QUEUE, false, null);
        s.channel.ack(d.deliveryTag(), false);
        return d.message();
    }

    @Benchmark
    @Group("pingPong")
    public boolean produce(Paired p, Control control) {
        while (!control.stopMeasurement) {
            if (p.queue.offer(MESSAGE, 0)) {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }

    @Benchmark
    @Group("pingPong")
    public Message consume(Paired p, Control control) {
        while (!control.stopMeasurement) {
            QueueEntry e = p.queue.get(null, false, CONNECTION);
            if (e != null) {
                p.queue.acknowledge(List.of(e));
                return e.message();
            }
            Thread.onSpinWait();
        }
        return null;
    }
}
