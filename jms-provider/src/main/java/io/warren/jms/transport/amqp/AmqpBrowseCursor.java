package io.warren.jms.transport.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.warren.jms.transport.BrowseCursor;
import io.warren.message.Message;
import jakarta.jms.JMSException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A queue browse over AMQP: a browsing consumer ({@code x-browse}) on a channel of its own, which the Warren server
 * feeds without taking messages and ends with a server-side cancel. The consumer acknowledges, with a prefetch of
 * {@link #CREDIT}: the server sends no more than that ahead of the application, and each batch handed out
 * acknowledges what it took, which is credit for the next ones. So a browse of any depth holds at most
 * {@link #CREDIT} messages here. The channel closes at the end of the walk or with {@link #close()}.
 */
final class AmqpBrowseCursor implements BrowseCursor {
    /** Deliveries the server may send ahead of the application. */
    static final int CREDIT = 512;

    private final Channel channel;
    private final String queue;
    private final long timeoutMillis;
    /** Deliveries, then {@link #END} or a failure. */
    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private volatile boolean ended;

    private record Arrival(Message message, long deliveryTag) {
    }

    private record Failure(ShutdownSignalException cause) {
    }

    private static final Object END = new Object();

    private AmqpBrowseCursor(Channel channel, String queue, long timeoutMillis) {
        this.channel = channel;
        this.queue = queue;
        this.timeoutMillis = timeoutMillis;
    }

    /** Opens a browse of {@code queue}: fails here when the queue cannot be browsed (not found, bad selector). */
    static AmqpBrowseCursor open(AmqpBrokerConnection connection, String queue, String selector, long timeoutMillis)
            throws JMSException {
        Map<String, Object> args = new HashMap<>();
        args.put(AmqpBrokerConnection.BROWSE_ARGUMENT, true);
        if (selector != null) {
            args.put(AmqpBrokerConnection.SELECTOR_ARGUMENT, selector);
        }
        Channel channel = connection.openChannel("browsing queue '" + queue + "'");
        AmqpBrowseCursor cursor = new AmqpBrowseCursor(channel, queue, timeoutMillis);
        try {
            channel.basicQos(CREDIT);
            channel.basicConsume(queue, false, "", false, false, args, cursor.new Feed(channel));
        } catch (IOException | RuntimeException e) {
            AmqpBrokerConnection.closeQuietly(channel);
            throw AmqpErrors.toJms("browsing queue '" + queue + "'", e);
        }
        return cursor;
    }

    /** Receives the server's deliveries on the client library's thread. */
    private final class Feed extends DefaultConsumer {
        Feed(Channel channel) {
            super(channel);
        }

        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
            arrived.add(new Arrival(AmqpMessages.toMessage(envelope, properties, body, System.currentTimeMillis()),
                    envelope.getDeliveryTag()));
        }

        @Override
        public void handleCancel(String tag) {
            arrived.add(END);
        }

        @Override
        public void handleShutdownSignal(String tag, ShutdownSignalException sig) {
            arrived.add(new Failure(sig));
        }
    }

    @Override
    public List<Message> next(int max) throws JMSException {
        if (ended) {
            return List.of();
        }
        List<Message> batch = new ArrayList<>(Math.min(max, CREDIT));
        long lastTag = -1;
        Object next = await();
        while (next != null) {
            if (next == END) {
                close();
                break;
            }
            if (next instanceof Failure f) {
                close();
                throw AmqpErrors.toJms("browsing queue '" + queue + "'", f.cause());
            }
            Arrival a = (Arrival) next;
            batch.add(a.message());
            lastTag = a.deliveryTag();
            next = batch.size() < max ? arrived.poll() : null;
        }
        if (lastTag >= 0 && !ended) {
            try {
                channel.basicAck(lastTag, true);
            } catch (IOException | RuntimeException e) {
                close();
                throw AmqpErrors.toJms("browsing queue '" + queue + "'", e);
            }
        }
        return batch;
    }

    private Object await() throws JMSException {
        try {
            Object next = arrived.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            if (next == null) {
                close();
                throw new JMSException("browsing queue '" + queue + "': the broker sent neither a message nor the end"
                        + " of the queue within " + timeoutMillis + " ms");
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new JMSException("interrupted while browsing queue '" + queue + "'");
        }
    }

    /** Deliveries received and not yet handed out (for tests). */
    int held() {
        return arrived.size();
    }

    /** Whether the browsing channel is open (for tests). */
    boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() {
        if (!ended) {
            ended = true;
            AmqpBrokerConnection.closeQuietly(channel);
            arrived.clear();
        }
    }
}
