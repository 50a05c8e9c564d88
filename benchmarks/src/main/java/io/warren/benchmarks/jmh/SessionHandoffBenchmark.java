package io.warren.benchmarks.jmh;

import io.warren.benchmarks.Payloads;
import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.transport.vm.VmBrokers;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The round trip of one non-persistent 256-byte {@link BytesMessage} through an in-JVM broker
 * ({@code vm://jmh-handoff}, state in memory), one message in flight, sampled in microseconds per round trip.
 *
 * <p>{@code listener}: the benchmark thread sends on one session and parks until the {@code MessageListener} of a
 * consumer on another session has received the message; the listener runs on that session's own thread, so the
 * time includes the hand-off from the thread that delivered it (the sender's, under the queue's lock) to the
 * session thread, and the wake-up of the parked sender. {@code receive}: the same send, then a synchronous
 * {@code receive} on the benchmark thread, with no hand-off to another thread: the difference between the two is
 * roughly what the session's delivery thread costs. Both sessions acknowledge automatically.
 *
 * <p>The provider's dispatcher ({@code ListenerDispatcher}, {@code DeliveryBuffer}) is package-private, so this
 * goes through the public JMS API.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SessionHandoffBenchmark {
    private static final String BROKER = "jmh-handoff";
    private static final long RECEIVE_TIMEOUT_MILLIS = 10_000;

    private Connection connection;
    private MessageProducer toListener;
    private MessageProducer toReceiver;
    private MessageConsumer receiver;
    private BytesMessage message;
    private volatile Thread waiter;
    private volatile long arrived;
    private long sent;

    @Setup
    public void connect() throws JMSException {
        connection = new WarrenConnectionFactory("vm://" + BROKER).createConnection();
        Session producing = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session listening = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session receiving = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        toListener = producing.createProducer(producing.createQueue("jmh.handoff.listener"));
        toReceiver = producing.createProducer(producing.createQueue("jmh.handoff.receive"));
        toListener.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        toReceiver.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        listening.createConsumer(listening.createQueue("jmh.handoff.listener")).setMessageListener(this::onMessage);
        receiver = receiving.createConsumer(receiving.createQueue("jmh.handoff.receive"));
        message = producing.createBytesMessage();
        message.writeBytes(Payloads.of(256));
        connection.start();
    }

    @TearDown
    public void disconnect() throws JMSException {
        try {
            connection.close();
        } finally {
            VmBrokers.stop(BROKER);
        }
    }

    private void onMessage(Message received) {
        arrived++;
        LockSupport.unpark(waiter);
    }

    @Benchmark
    public long listener() throws JMSException {
        waiter = Thread.currentThread();
        long target = ++sent;
        toListener.send(message);
        while (arrived < target) {
            LockSupport.park(this);
        }
        return target;
    }

    @Benchmark
    public Message receive() throws JMSException {
        toReceiver.send(message);
        Message received = receiver.receive(RECEIVE_TIMEOUT_MILLIS);
        if (received == null) {
            throw new IllegalStateException("no message within " + RECEIVE_TIMEOUT_MILLIS + " ms");
        }
        return received;
    }
}
