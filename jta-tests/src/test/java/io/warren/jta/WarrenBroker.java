package io.warren.jta;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.management.QueueSummary;
import io.warren.broker.queue.QueueStatistics;
import io.warren.jms.WarrenXAConnectionFactory;
import io.warren.junit.WarrenExtension;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.XAConnection;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * An in-JVM Warren broker for one test ({@link WarrenExtension}, started here), with what XA tests need besides:
 * XA connections, the branches in doubt, the broker's own counts of a queue (exact at once, so tests need not wait
 * for what must not arrive), and draining a queue. Connections opened here are closed by {@link #restart()} and
 * {@link #close()}; a persistent broker keeps its data directory for the next one. Thread-safe.
 */
final class WarrenBroker implements AutoCloseable {
    /** How long a message that must arrive may take. */
    static final long RECEIVE_TIMEOUT_MS = 5_000;

    private final WarrenExtension broker;
    private final WarrenXAConnectionFactory factory;
    private final Deque<Connection> opened = new ArrayDeque<>();

    private WarrenBroker(WarrenExtension broker) {
        this.broker = broker;
        this.factory = broker.xaConnectionFactory();
        broker.start();
    }

    /** A broker keeping everything in memory. */
    static WarrenBroker inMemory(String name) {
        return new WarrenBroker(WarrenExtension.builder().name(name).build());
    }

    /**
     * A broker journalling to {@code dataDir}, recovering what is there; every write synced, as a crash test needs.
     */
    static WarrenBroker persistent(String name, Path dataDir) {
        return new WarrenBroker(WarrenExtension.builder().name(name).dataDirectory(dataDir).option("sync", "always")
                .build());
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
    int ready(String queue) {
        return statistics(queue).map(QueueStatistics::ready).orElse(0);
    }

    /** Messages of {@code queue} delivered and not yet acknowledged or completed. */
    int unacknowledged(String queue) {
        return statistics(queue).map(QueueStatistics::unacknowledged).orElse(0);
    }

    private Optional<QueueStatistics> statistics(String queue) {
        return broker.broker().defaultVirtualHost().queue(queue).map(QueueSummary::statistics);
    }

    /**
     * Receives every ready message of {@code queue}, acknowledging each, and checks the broker has none left:
     * the messages in delivery order.
     */
    List<Message> drain(String queue) {
        int count = ready(queue);
        List<Message> messages = broker.drain(queue);
        assertThat(messages).as("messages received from %s, which counted %d", queue, count).hasSize(count);
        assertThat(ready(queue)).as("messages left on %s after receiving the %d it counted", queue, count).isZero();
        return messages;
    }

    /** Closes this broker's connections and restarts it. */
    void restart() {
        closeConnections();
        broker.restart();
    }

    /** Closes this broker's connections and stops it. */
    @Override
    public void close() {
        closeConnections();
        broker.close();
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
