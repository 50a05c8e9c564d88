package io.warren.broker;

import io.warren.message.Message;
import io.warren.broker.store.journal.SyncPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One life of a broker on a journal data directory ({@link SyncPolicy#ALWAYS}): a started broker with one
 * connection and channel. {@link #crash()} stops the broker without closing the connection first (unacknowledged
 * deliveries are not requeued, pending transactions are not rolled back), which is what a killed process leaves
 * behind apart from the journal's fsync guarantees; {@link #close()} closes the connection, then the broker.
 */
final class RestartNode implements AutoCloseable {
    private static final AtomicInteger NAMES = new AtomicInteger();

    final Path directory;
    final Broker broker;
    final VirtualHost host;
    final ClientConnection connection;
    final Channel channel;

    private RestartNode(Path directory, Broker broker) {
        this.directory = directory;
        this.broker = broker;
        this.host = broker.defaultVirtualHost();
        this.connection = host.connect("restart-test");
        this.channel = connection.createChannel();
    }

    static BrokerConfig config(Path directory) {
        return BrokerConfig.builder("restart-" + NAMES.incrementAndGet()).dataDirectory(directory)
                .syncPolicy(SyncPolicy.ALWAYS).build();
    }

    static RestartNode start(Path directory) {
        return new RestartNode(directory, Broker.start(config(directory)));
    }

    /** Stops this broker and starts a new one on the same directory (clean stop: connection closed first). */
    RestartNode restart() {
        close();
        return start(directory);
    }

    /** Stops the broker with the connection still open, then starts a new one on the same directory. */
    RestartNode crashAndRestart() {
        crash();
        return start(directory);
    }

    void crash() {
        broker.close();
    }

    static Message.Builder persistent(String body) {
        return Message.builder().persistent(true).body(body.getBytes(StandardCharsets.UTF_8));
    }

    static Message.Builder transientMessage(String body) {
        return Message.builder().persistent(false).body(body.getBytes(StandardCharsets.UTF_8));
    }

    static String body(Message m) {
        return new String(m.body(), StandardCharsets.UTF_8);
    }

    static String body(Delivery d) {
        return body(d.message());
    }

    void publish(String exchange, String key, Message.Builder message) {
        PublishResult r = channel.publish(exchange, key, message.build()).join();
        if (r != PublishResult.ROUTED) {
            throw new AssertionError("publish to '" + exchange + "' / '" + key + "' was " + r);
        }
    }

    void send(String queue, Message.Builder message) {
        publish("", queue, message);
    }

    /** Takes (and acknowledges) every message currently available in the queue, in delivery order. */
    List<String> drain(String queue) {
        List<String> out = new ArrayList<>();
        Delivery d;
        while ((d = channel.get(queue, true, null)) != null) {
            out.add(body(d));
        }
        return out;
    }

    /** Takes every message currently available in the queue without acknowledging it. */
    List<Delivery> takeAll(String queue) {
        List<Delivery> out = new ArrayList<>();
        Delivery d;
        while ((d = channel.get(queue, false, null)) != null) {
            out.add(d);
        }
        return out;
    }

    int count(String queue) {
        return channel.queueDeclarePassive(queue).messageCount();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            broker.close();
        }
    }
}
