package io.warren.jms.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.jms.transport.vm.VmBrokers;
import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarts the in-JVM broker behind {@code vm://NAME?dataDir=DIR} ({@link VmBrokers#stop}, then a new connection)
 * and checks what a JMS application sees afterwards: persistent messages with every header, property and body,
 * durable and shared durable subscriptions (with selectors), committed transactions, unacknowledged
 * CLIENT_ACKNOWLEDGE messages; and that non-persistent messages, uncommitted sends and temporary queues are gone.
 */
class JmsRestartTest {
    private static final long RECEIVE_TIMEOUT = 5_000;
    private static final long ABSENT_TIMEOUT = 150;
    private static final AtomicInteger NAMES = new AtomicInteger();

    @TempDir
    Path dir;

    private final String brokerName = "jms-restart-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
    private final Deque<Connection> connections = new ArrayDeque<>();

    @AfterEach
    void stopBroker() {
        closeAll();
        VmBrokers.stop(brokerName);
    }

    private WarrenConnectionFactory factory() {
        return new WarrenConnectionFactory("vm://" + brokerName + "?dataDir=" + dir);
    }

    private Connection connect(String clientId) throws JMSException {
        WarrenConnectionFactory f = factory();
        if (clientId != null) {
            f.setClientID(clientId);
        }
        Connection c = f.createConnection();
        connections.add(c);
        c.start();
        return c;
    }

    private Connection connect() throws JMSException {
        return connect(null);
    }

    private void closeAll() {
        Connection c;
        while ((c = connections.pollLast()) != null) {
            try {
                c.close();
            } catch (JMSException | RuntimeException ignored) {
                // the broker may already be stopped
            }
        }
    }

    /** Closes every connection, then stops the broker; the next connection starts it from the directory. */
    private void cleanRestart() {
        closeAll();
        VmBrokers.stop(brokerName);
    }

    /**
     * Stops the broker while the connections are still open (as a killed broker would leave them), then
     * closes them: their closing no longer reaches the stopped broker.
     */
    private void crashRestart() {
        VmBrokers.stop(brokerName);
        closeAll();
    }

    private static Message receive(MessageConsumer consumer) throws JMSException {
        Message m = consumer.receive(RECEIVE_TIMEOUT);
        assertThat(m).as("a message within %d ms", RECEIVE_TIMEOUT).isNotNull();
        return m;
    }

    private static String receiveText(MessageConsumer consumer) throws JMSException {
        return ((TextMessage) receive(consumer)).getText();
    }

    private static void assertNoMessage(MessageConsumer consumer) throws JMSException {
        assertThat(consumer.receive(ABSENT_TIMEOUT)).as("no further message").isNull();
    }

    private static void send(Session s, jakarta.jms.Destination d, int mode, String... texts) throws JMSException {
        MessageProducer p = s.createProducer(d);
        p.setDeliveryMode(mode);
        for (String t : texts) {
            p.send(s.createTextMessage(t));
        }
        p.close();
    }

    // ---- queues ------------------------------------------------------------------------------------------

    /** What a receiver can observe of a message, headers, properties and body. */
    private static Map<String, Object> observe(Message m) throws JMSException {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", m.getClass().getSimpleName());
        o.put("JMSMessageID", m.getJMSMessageID());
        o.put("JMSTimestamp", m.getJMSTimestamp());
        o.put("JMSExpiration", m.getJMSExpiration());
        o.put("JMSPriority", m.getJMSPriority());
        o.put("JMSDeliveryMode", m.getJMSDeliveryMode());
        o.put("JMSCorrelationID", m.getJMSCorrelationID());
        o.put("JMSType", m.getJMSType());
        o.put("JMSReplyTo", String.valueOf(m.getJMSReplyTo()));
        o.put("JMSDestination", String.valueOf(m.getJMSDestination()));
        Map<String, Object> props = new java.util.TreeMap<>();
        for (Object name : Collections.list((Enumeration<?>) m.getPropertyNames())) {
            String n = (String) name;
            if (!n.startsWith("JMSX")) {
                props.put(n, m.getObjectProperty(n));
            }
        }
        o.put("properties", props);
        if (m instanceof TextMessage t) {
            o.put("body", t.getText());
        } else if (m instanceof BytesMessage b) {
            b.reset(); // a sent message is still write-only
            byte[] bytes = new byte[(int) b.getBodyLength()];
            b.readBytes(bytes);
            b.reset();
            o.put("body", java.util.HexFormat.of().formatHex(bytes));
        } else if (m instanceof MapMessage mm) {
            Map<String, Object> map = new java.util.TreeMap<>();
            for (Object name : Collections.list((Enumeration<?>) mm.getMapNames())) {
                Object v = mm.getObject((String) name);
                map.put((String) name, v instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : v);
            }
            o.put("body", map);
        } else if (m instanceof StreamMessage sm) {
            List<Object> items = new ArrayList<>();
            sm.reset();
            try {
                while (true) {
                    items.add(sm.readObject());
                }
            } catch (jakarta.jms.MessageEOFException end) {
                sm.reset();
            }
            o.put("body", items);
        } else if (m instanceof ObjectMessage om) {
            o.put("body", om.getObject());
        } else {
            o.put("body", null);
        }
        return o;
    }

    private static void setProperties(Message m, int i) throws JMSException {
        m.setBooleanProperty("bool", i % 2 == 0);
        m.setByteProperty("byte", (byte) i);
        m.setShortProperty("short", (short) (i * 100));
        m.setIntProperty("int", i * 100_000);
        m.setLongProperty("long", i * 10_000_000_000L);
        m.setFloatProperty("float", i + 0.5f);
        m.setDoubleProperty("double", i + 0.25);
        m.setStringProperty("string", "value-" + i);
        m.setJMSCorrelationID("corr-" + i);
        m.setJMSType("type-" + i);
    }

    @Test
    void persistentMessagesOfEveryTypeSurviveARestartInPriorityOrderAndNonPersistentOnesDoNot() throws Exception {
        Connection c = connect();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("orders");
        Queue replies = s.createQueue("replies");
        MessageProducer p = s.createProducer(q);
        List<Message> sent = new ArrayList<>();
        sent.add(s.createTextMessage("text \u00e9\u4e2d"));
        BytesMessage bytes = s.createBytesMessage();
        bytes.writeBytes(new byte[] {0, 1, (byte) 0xff, 42});
        sent.add(bytes);
        MapMessage map = s.createMapMessage();
        map.setInt("n", 7);
        map.setString("s", "str");
        map.setBytes("b", new byte[] {9, 8});
        map.setDouble("d", 1.5);
        sent.add(map);
        StreamMessage stream = s.createStreamMessage();
        stream.writeString("first");
        stream.writeLong(99L);
        stream.writeBoolean(true);
        sent.add(stream);
        sent.add(s.createObjectMessage(new ArrayList<>(List.of("a", 1, 2.5))));
        sent.add(s.createMessage());
        int[] priorities = {4, 9, 0, 4, 9, 6};
        long ttl = 3_600_000;
        for (int i = 0; i < sent.size(); i++) {
            Message m = sent.get(i);
            setProperties(m, i);
            m.setJMSReplyTo(replies);
            p.send(m, DeliveryMode.PERSISTENT, priorities[i], ttl);
            // a non-persistent message of the highest priority after each persistent one
            p.send(s.createTextMessage("non-persistent-" + i), DeliveryMode.NON_PERSISTENT, 9, 0);
        }
        List<Map<String, Object>> expected = new ArrayList<>();
        for (int prio = 9; prio >= 0; prio--) {
            for (int i = 0; i < sent.size(); i++) {
                if (priorities[i] == prio) {
                    Map<String, Object> o = observe(sent.get(i));
                    o.put("JMSDestination", String.valueOf(q));
                    expected.add(o);
                }
            }
        }
        assertThat(sent.get(0).getJMSExpiration()).isGreaterThan(System.currentTimeMillis());

        cleanRestart();

        Session after = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = after.createConsumer(after.createQueue("orders"));
        List<Map<String, Object>> received = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            Message m = receive(consumer);
            assertThat(m.getJMSRedelivered()).isFalse();
            assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
            received.add(observe(m));
        }
        assertThat(received).as("priority order, then send order; every header, property and body")
                .isEqualTo(expected);
        assertNoMessage(consumer);
    }

    @Test
    void aRolledBackMessageKeepsItsDeliveryCountAcrossARestart() throws Exception {
        Connection c = connect();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue("redelivered");
        send(c.createSession(false, Session.AUTO_ACKNOWLEDGE), q, DeliveryMode.PERSISTENT, "m1", "m2");
        MessageConsumer consumer = tx.createConsumer(q);
        for (int attempt = 1; attempt <= 2; attempt++) {
            Message m = receive(consumer);
            assertThat(((TextMessage) m).getText()).isEqualTo("m1");
            assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(attempt);
            tx.rollback();
        }

        cleanRestart();

        Session again = connect().createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer resumed = again.createConsumer(again.createQueue("redelivered"));
        Message m1 = receive(resumed);
        assertThat(((TextMessage) m1).getText()).isEqualTo("m1");
        assertThat(m1.getJMSRedelivered()).isTrue();
        assertThat(m1.getIntProperty("JMSXDeliveryCount")).isEqualTo(3);
        Message m2 = receive(resumed);
        assertThat(((TextMessage) m2).getText()).isEqualTo("m2");
        assertThat(m2.getIntProperty("JMSXDeliveryCount")).as("m2 was only prefetched").isEqualTo(1);
        assertThat(m2.getJMSRedelivered()).isFalse();
        again.commit();
        assertNoMessage(resumed);
    }

    @Test
    void anExpirationPassedWhileTheBrokerWasDownIsHonoured() throws Exception {
        Connection c = connect();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("expiring");
        MessageProducer p = s.createProducer(q);
        p.send(s.createTextMessage("short"), DeliveryMode.PERSISTENT, 4, 100);
        Message longLived = s.createTextMessage("long");
        p.send(longLived, DeliveryMode.PERSISTENT, 4, 3_600_000);
        long expiration = longLived.getJMSExpiration();
        cleanRestart();
        long wait = longLived.getJMSTimestamp() + 101 - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait); // let the 100 ms TTL pass while the broker is down
        }

        Session after = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = after.createConsumer(after.createQueue("expiring"));
        Message m = receive(consumer);
        assertThat(((TextMessage) m).getText()).isEqualTo("long");
        assertThat(m.getJMSExpiration()).isEqualTo(expiration);
        assertNoMessage(consumer);
    }

    // ---- durable subscriptions ---------------------------------------------------------------------------

    @Test
    void aDurableSubscriptionWithASelectorReceivesWhatWasPublishedWhileOfflineAndAcrossARestart() throws Exception {
        Connection subscriber = connect("restart-client");
        Session ss = subscriber.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = ss.createTopic("prices.eu");
        MessageConsumer sub = ss.createDurableConsumer(topic, "reds", "color = 'red'", false);
        Session ps = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = ps.createProducer(topic);
        producer.send(colored(ps, "live", "red"));
        assertThat(receiveText(sub)).isEqualTo("live");
        subscriber.close();

        // offline: a persistent red one, a blue one, a non-persistent red one
        producer.send(colored(ps, "offline-red-1", "red"));
        producer.send(colored(ps, "offline-blue", "blue"));
        producer.send(colored(ps, "offline-red-nonpersistent", "red"), DeliveryMode.NON_PERSISTENT, 4, 0);
        producer.send(colored(ps, "offline-red-2", "red"));

        cleanRestart();

        // after the restart, still offline: the recovered binding still selects
        Session ps2 = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer2 = ps2.createProducer(ps2.createTopic("prices.eu"));
        producer2.send(colored(ps2, "restarted-blue", "blue"));
        producer2.send(colored(ps2, "restarted-red", "red"));

        Connection back = connect("restart-client");
        Session bs = back.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer resumed = bs.createDurableConsumer(bs.createTopic("prices.eu"), "reds", "color = 'red'", false);
        List<String> got = List.of(receiveText(resumed), receiveText(resumed), receiveText(resumed));
        assertThat(got).containsExactly("offline-red-1", "offline-red-2", "restarted-red");
        assertNoMessage(resumed);
        // and it keeps receiving live
        producer2.send(colored(ps2, "live-again", "red"));
        assertThat(receiveText(resumed)).isEqualTo("live-again");
    }

    private static Message colored(Session s, String text, String color) throws JMSException {
        TextMessage m = s.createTextMessage(text);
        m.setStringProperty("color", color);
        return m;
    }

    @Test
    void aSharedDurableSubscriptionSurvivesARestart() throws Exception {
        Session s1 = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = s1.createTopic("news.#");
        s1.createSharedDurableConsumer(topic, "shared-news").close();
        Session ps = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = ps.createProducer(ps.createTopic("news.eu"));
        for (int i = 0; i < 10; i++) {
            producer.send(ps.createTextMessage("n" + i));
        }
        producer.send(ps.createTextMessage("gone"), DeliveryMode.NON_PERSISTENT, 4, 0);

        cleanRestart();

        Session a = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session b = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer ca = a.createSharedDurableConsumer(a.createTopic("news.#"), "shared-news");
        MessageConsumer cb = b.createSharedDurableConsumer(b.createTopic("news.#"), "shared-news");
        List<String> got = new ArrayList<>();
        long deadline = System.currentTimeMillis() + RECEIVE_TIMEOUT;
        while (got.size() < 10 && System.currentTimeMillis() < deadline) {
            for (MessageConsumer consumer : List.of(ca, cb)) {
                Message m = consumer.receive(20);
                if (m != null) {
                    got.add(((TextMessage) m).getText());
                }
            }
        }
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            expected.add("n" + i);
        }
        assertThat(got).hasSize(10).containsExactlyInAnyOrderElementsOf(expected);
        assertNoMessage(ca);
        assertNoMessage(cb);
    }

    // ---- transactions ------------------------------------------------------------------------------------

    @Test
    void committedTransactedSendsSurviveARestartAndUncommittedOnesDoNot() throws Exception {
        Connection c = connect();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue("tx-sends");
        MessageProducer p = tx.createProducer(q);
        p.send(tx.createTextMessage("a1"));
        p.send(tx.createTextMessage("a2"));
        tx.commit();
        p.send(tx.createTextMessage("rolled-back"));
        tx.rollback();
        p.send(tx.createTextMessage("b1"));
        p.send(tx.createTextMessage("b2"));
        // no commit: the broker stops with the transaction open

        crashRestart();

        Session after = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = after.createConsumer(after.createQueue("tx-sends"));
        assertThat(List.of(receiveText(consumer), receiveText(consumer))).containsExactly("a1", "a2");
        assertNoMessage(consumer);
    }

    // ---- client acknowledge ------------------------------------------------------------------------------

    @Test
    void unacknowledgedClientAcknowledgeMessagesAreRedeliveredAfterAClosedConnectionAndARestart()
            throws Exception {
        clientAcknowledgeAcrossRestart(this::cleanRestart);
    }

    @Test
    void unacknowledgedClientAcknowledgeMessagesAreRedeliveredAfterABrokerStopWithTheConnectionOpen()
            throws Exception {
        clientAcknowledgeAcrossRestart(this::crashRestart);
    }

    private void clientAcknowledgeAcrossRestart(Runnable restart) throws Exception {
        Connection c = connect();
        Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = s.createQueue("client-ack");
        send(s, q, DeliveryMode.PERSISTENT, "m1", "m2", "m3", "m4");
        MessageConsumer consumer = s.createConsumer(q);
        assertThat(receiveText(consumer)).isEqualTo("m1");
        Message m2 = receive(consumer);
        m2.acknowledge(); // acknowledges m1 and m2
        assertThat(receiveText(consumer)).isEqualTo("m3"); // received, never acknowledged

        restart.run();

        Session after = connect().createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer resumed = after.createConsumer(after.createQueue("client-ack"));
        Message m3 = receive(resumed);
        assertThat(((TextMessage) m3).getText()).isEqualTo("m3");
        assertThat(m3.getJMSRedelivered()).as("m3 was delivered before the restart").isTrue();
        assertThat(m3.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        Message m4 = receive(resumed);
        assertThat(((TextMessage) m4).getText()).isEqualTo("m4");
        assertThat(m4.getJMSRedelivered()).as("m4 never reached the application").isFalse();
        m4.acknowledge();
        assertNoMessage(resumed);
    }

    // ---- temporary destinations --------------------------------------------------------------------------

    @Test
    void temporaryQueuesDoNotSurviveARestart() throws Exception {
        Connection c = connect();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue temp = s.createTemporaryQueue();
        send(s, temp, DeliveryMode.PERSISTENT, "in-temp");
        String name = temp.getQueueName();
        assertThat(VmBrokers.broker(factory()).defaultVirtualHost().hasQueue(name)).isTrue();

        crashRestart();

        connect(); // restarts the broker
        assertThat(VmBrokers.get(brokerName).defaultVirtualHost().hasQueue(name)).isFalse();
    }

    // ---- client IDs across a restart ---------------------------------------------------------------------

    @Test
    void aStaleConnectionClosedAfterARestartDoesNotReleaseTheClientIdOfTheNewOne() throws Exception {
        Connection stale = connect("twice");
        VmBrokers.stop(brokerName);
        connect("twice");
        stale.close();
        assertThatThrownBy(() -> connect("twice")).isInstanceOf(InvalidClientIDException.class);
    }
}
