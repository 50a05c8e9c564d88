package io.warren.paging;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.Arrays;
import java.util.Enumeration;

/**
 * Numbered messages, as a child JVM sends and takes them: message {@code seq} carries the long property
 * {@value #SEQ} and a body of the given size, starting with the number; every tenth ({@code seq % 10 == 0}) has
 * {@code color = 'red'}, the others {@code 'blue'}. Sends and receives are transacted, a commit every
 * {@code batch}; a {@link Progress} hears how many are committed after each commit, and how many were sent or
 * received halfway through each transaction. Runs on the calling thread.
 */
final class Sequences {
    static final String SEQ = "seq";
    static final String COLOR = "color";
    static final String RED = "color = 'red'";

    /** What a drain or browse saw. */
    record Range(long count, long first, long last, boolean consecutive, boolean increasing, boolean bodiesIntact,
                 boolean colorsMatch) {
        /** The line the child prints, which the test parses. */
        String line(String label) {
            return label + " count=" + count + " first=" + first + " last=" + last + " consecutive=" + consecutive
                    + " increasing=" + increasing + " bodies=" + bodiesIntact + " colors=" + colorsMatch;
        }
    }

    /** Thrown when the broker refuses a send or commit; says how many were committed before. */
    static final class Refused extends Exception {
        final long committed;

        Refused(long committed, JMSException cause) {
            super(cause.getMessage(), cause);
            this.committed = committed;
        }
    }

    /** What a fill or drain reports as it goes; called on its thread. */
    interface Progress {
        Progress NONE = new Progress() {
        };

        /** {@code n} messages are committed. */
        default void committed(long n) {
        }

        /** {@code n} messages are sent or received, and the transaction holding the last of them is half done. */
        default void midTransaction(long n) {
        }
    }

    private Sequences() {
    }

    static boolean red(long seq) {
        return seq % 10 == 0;
    }

    /** Sends {@code count} numbered messages from 0; returns once all are committed. */
    static void fill(Connection connection, String queue, long count, int size, int batch, boolean persistent,
                     Progress progress) throws JMSException, Refused {
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        long done = 0;
        try {
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(persistent ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT);
            for (long seq = 0; seq < count; seq++) {
                producer.send(message(session, seq, size));
                if ((seq + 1) % batch == batch / 2) {
                    progress.midTransaction(seq + 1);
                }
                if ((seq + 1) % batch == 0 || seq + 1 == count) {
                    session.commit();
                    done = seq + 1;
                    progress.committed(done);
                }
            }
        } catch (JMSException e) {
            throw new Refused(done, e);
        } finally {
            session.close();
        }
    }

    private static Message message(Session session, long seq, int size) throws JMSException {
        BytesMessage m = session.createBytesMessage();
        m.writeBytes(body(seq, size));
        m.setLongProperty(SEQ, seq);
        m.setStringProperty(COLOR, red(seq) ? "red" : "blue");
        return m;
    }

    private static byte[] body(long seq, int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) seq);
        for (int i = 0; i < Math.min(8, size); i++) {
            body[i] = (byte) (seq >>> (8 * i));
        }
        return body;
    }

    private static boolean intact(Message m, long seq, int size) throws JMSException {
        if (!(m instanceof BytesMessage b) || b.getBodyLength() != size) {
            return false;
        }
        byte[] read = new byte[size];
        b.readBytes(read);
        return Arrays.equals(read, body(seq, size));
    }

    /**
     * Receives exactly {@code count} messages (each within {@code timeoutMillis}, else fails naming how many came),
     * committing every {@code batch}, and tells what they were.
     */
    static Range drain(Connection connection, String queue, String selector, long count, int size, int batch,
                       long timeoutMillis, Progress progress) throws JMSException {
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        try {
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue), selector);
            Check check = new Check(selector);
            while (check.count < count) {
                Message m = consumer.receive(timeoutMillis);
                if (m == null) {
                    throw new IllegalStateException("no message on " + queue + " within " + timeoutMillis
                            + " ms after " + check.count + " of " + count);
                }
                check.add(m, size);
                if (check.count % batch == batch / 2) {
                    progress.midTransaction(check.count);
                }
                if (check.count % batch == 0 || check.count == count) {
                    session.commit();
                    progress.committed(check.count);
                }
            }
            return check.range();
        } finally {
            session.close();
        }
    }

    /** Browses the whole queue. */
    static Range browse(Connection connection, String queue, int size) throws JMSException {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        try {
            Enumeration<?> e = session.createBrowser(session.createQueue(queue)).getEnumeration();
            Check check = new Check(null);
            while (e.hasMoreElements()) {
                check.add((Message) e.nextElement(), size);
            }
            return check.range();
        } finally {
            session.close();
        }
    }

    /** Accumulates what a sequence of messages looked like. */
    private static final class Check {
        private final String selector;
        long count;
        long first = -1;
        long last = -1;
        boolean consecutive = true;
        boolean increasing = true;
        boolean intact = true;
        boolean colors = true;

        Check(String selector) {
            this.selector = selector;
        }

        void add(Message m, int size) throws JMSException {
            long seq = m.getLongProperty(SEQ);
            if (count == 0) {
                first = seq;
            } else {
                consecutive &= seq == last + 1;
                increasing &= seq > last;
            }
            intact &= intact(m, seq, size);
            colors &= (red(seq) ? "red" : "blue").equals(m.getStringProperty(COLOR))
                    && (selector == null || red(seq));
            last = seq;
            count++;
        }

        Range range() {
            return new Range(count, first, last, consecutive, increasing, intact, colors);
        }
    }
}
