package io.warren.broker;

import io.warren.message.Message;
import io.warren.broker.store.Store;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A started broker with one connection and channel, and helpers to publish and collect deliveries. */
public final class EngineFixture implements AutoCloseable {
    private static final AtomicInteger NAMES = new AtomicInteger();

    public final Broker broker;
    public final VirtualHost host;
    public final ClientConnection connection;
    public final Channel channel;

    private EngineFixture(Broker broker) {
        this.broker = broker;
        this.host = broker.defaultVirtualHost();
        this.connection = host.connect("test");
        this.channel = connection.createChannel();
    }

    public static EngineFixture start() {
        return new EngineFixture(Broker.start(BrokerConfig.builder("test-" + NAMES.incrementAndGet()).build()));
    }

    public static EngineFixture start(Supplier<Store> store) {
        return new EngineFixture(Broker.start(BrokerConfig.builder("test-" + NAMES.incrementAndGet())
                .store(store).build()));
    }

    public static Message text(String body) {
        return Message.builder().body(body.getBytes(StandardCharsets.UTF_8)).build();
    }

    public static String body(Message m) {
        return new String(m.body(), StandardCharsets.UTF_8);
    }

    public static String body(Delivery d) {
        return body(d.message());
    }

    public void declare(String queue, Map<String, Object> args) {
        channel.queueDeclare(queue, true, false, false, args);
    }

    public void send(String queue, String body) {
        channel.publish("", queue, text(body)).join();
    }

    /** Starts a consumer whose deliveries land in the returned queue. */
    public BlockingQueue<Delivery> consume(String queue, ConsumeOptions options) {
        return consume(channel, queue, options);
    }

    public static BlockingQueue<Delivery> consume(Channel ch, String queue, ConsumeOptions options) {
        BlockingQueue<Delivery> out = new LinkedBlockingQueue<>();
        ch.consume(queue, options, out::add);
        return out;
    }

    /** Takes {@code n} deliveries, failing after a bounded wait. */
    public static List<Delivery> take(BlockingQueue<Delivery> q, int n) throws InterruptedException {
        List<Delivery> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Delivery d = q.poll(10, TimeUnit.SECONDS);
            if (d == null) {
                throw new AssertionError("only " + out.size() + " of " + n + " deliveries arrived: " + out);
            }
            out.add(d);
        }
        return out;
    }

    /** Drains every message currently in the queue with basic.get, acknowledging them. */
    public List<String> drain(String queue) {
        List<String> out = new ArrayList<>();
        Delivery d;
        while ((d = channel.get(queue, true, null)) != null) {
            out.add(body(d));
        }
        return out;
    }

    public static Duration timeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    public void close() {
        connection.close();
        broker.close();
    }
}
