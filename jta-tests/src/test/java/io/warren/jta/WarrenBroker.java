package io.warren.jta;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.QueueInfo;
import io.warren.jms.WarrenXAConnectionFactory;
import io.warren.jms.transport.vm.VmBrokers;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.XAConnection;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * An in-JVM Warren broker for one test, reached through {@code vm://NAME}: its connection factory, the broker's
 * own counts of a queue (exact at once, so tests need not wait for what must not arrive), and draining a queue.
 * Connections opened here are closed by {@link #restart()} and {@link #close()}, which stop the broker; a persistent
 * broker keeps its data directory and the next connection recovers it. Thread-safe.
 */
final class WarrenBroker implements AutoCloseable {
    /** How long a message that must arrive may take. */
    static final long RECEIVE_TIMEOUT_MS = 5_000;

    private final String name;
    private final WarrenXAConnectionFactory factory;
    private final Deque<Connection> opened = new ArrayDeque<>();

    private WarrenBroker(String name, String url) {
        this.name = name;
        this.factory = new WarrenXAConnectionFactory(url);
    }

    /** A broker keeping everything in memory. */
    static WarrenBroker inMemory(String name) {
        return new WarrenBroker(name, "vm://" + name + "?persistent=false");
    }

    /** A broker journalling to {@code dataDir}, recovering what is there. */
    static WarrenBroker persistent(String name, Path dataDir) {
        return new WarrenBroker(name, "vm://" + name + "?dataDir=" + dataDir.toAbsolutePath());
    }

    /** The factory of XA and plain connections to this broker (the caller closes what it creates). */
    WarrenXAConnectionFactory factory() {
        return factory;
    }

    /** A started XA connection, closed by {@link #restart()} or {@link #close()}. */
    XAConnection xaConnection() throws JMSException {
        XAConnection c = factory.createXAConnection();
        synchronized (this) {
            opened.add(c);
        }
        c.start();
        return c;
    }

    /** The XAResource of a new XA session, as a recovery manager would ask the broker for one. */
    XAResource xaResource() throws JMSException {
        return xaConnection().createXASession().getXAResource();
    }

    /** The branches the broker holds prepared and undecided, read on a connection of their own. */
    List<Xid> inDoubt() throws JMSException, XAException {
        try (XAConnection c = factory.createXAConnection()) {
            return List.of(c.createXASession().getXAResource().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN));
        }
    }

    /** Messages ready for delivery on {@code queue}; 0 if the queue does not exist. */
    int ready(String queue) throws JMSException {
        QueueInfo info = info(queue);
        return info == null ? 0 : info.messageCount();
    }

    /** Messages of {@code queue} delivered and not yet acknowledged or completed. */
    int unacknowledged(String queue) throws JMSException {
        QueueInfo info = info(queue);
        return info == null ? 0 : info.unacknowledgedCount();
    }

    private QueueInfo info(String queue) throws JMSException {
        // a connection starts the broker if it is not running, as after restart()
        Connection c = factory.createConnection();
        try {
            return VmBrokers.get(name).defaultVirtualHost().queueInfo(queue);
        } finally {
            c.close();
        }
    }

    /**
     * Receives every ready message of {@code queue}, acknowledging each, and checks the broker has none left:
     * the messages in delivery order.
     */
    List<Message> drain(String queue) throws JMSException {
        int count = ready(queue);
        try (Connection c = factory.createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createQueue(queue));
            List<Message> messages = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Message m = consumer.receive(RECEIVE_TIMEOUT_MS);
                assertThat(m).as("message %d of the %d the queue %s counted", i + 1, count, queue).isNotNull();
                messages.add(m);
            }
            consumer.close();
            assertThat(ready(queue)).as("messages left on %s after receiving the %d it counted", queue, count)
                    .isZero();
            return messages;
        }
    }

    /** Closes this broker's connections and stops it; the next connection starts it again. */
    void restart() {
        closeConnections();
        VmBrokers.stop(name);
    }

    @Override
    public void close() {
        restart();
    }

    private void closeConnections() {
        while (true) {
            Connection c;
            synchronized (this) {
                c = opened.pollLast();
            }
            if (c == null) {
                return;
            }
            try {
                c.close();
            } catch (JMSException ignored) {
                // the broker is stopped next anyway
            }
        }
    }
}
