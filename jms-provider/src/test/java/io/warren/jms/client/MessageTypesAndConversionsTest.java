package io.warren.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The five message types through a real queue: bodies, properties, headers, read-only state, foreign messages. */
class MessageTypesAndConversionsTest extends JmsTestSupport {

    /** A class outside the packages an ObjectMessage trusts by default. */
    record Parcel(String label, int weight) implements Serializable {
    }

    private Session session;
    private Queue queue;
    private MessageConsumer consumer;

    private void open() throws Exception {
        Connection c = startedConnection();
        session = c.createSession();
        queue = session.createQueue(unique("types"));
        consumer = session.createConsumer(queue);
    }

    private Message roundTrip(Message m) throws Exception {
        session.createProducer(queue).send(m);
        return receive(consumer);
    }

    private static void setAllProperties(Message m) throws Exception {
        m.setBooleanProperty("bool", true);
        m.setByteProperty("byte", (byte) -7);
        m.setShortProperty("short", (short) 1234);
        m.setIntProperty("int", 5);
        m.setLongProperty("long", 1L << 40);
        m.setFloatProperty("float", 1.5f);
        m.setDoubleProperty("double", Math.PI);
        m.setStringProperty("string", "héllo ✓");
        m.setObjectProperty("object", 42);
    }

    private static void assertAllProperties(Message m) throws Exception {
        assertThat(m.getBooleanProperty("bool")).isTrue();
        assertThat(m.getByteProperty("byte")).isEqualTo((byte) -7);
        assertThat(m.getShortProperty("short")).isEqualTo((short) 1234);
        assertThat(m.getIntProperty("int")).isEqualTo(5);
        assertThat(m.getLongProperty("long")).isEqualTo(1L << 40);
        assertThat(m.getFloatProperty("float")).isEqualTo(1.5f);
        assertThat(m.getDoubleProperty("double")).isEqualTo(Math.PI);
        assertThat(m.getStringProperty("string")).isEqualTo("héllo ✓");
        assertThat(m.getObjectProperty("object")).isEqualTo(42);
        assertThat(m.getObjectProperty("byte")).isInstanceOf(Byte.class);
        assertThat(m.getObjectProperty("short")).isInstanceOf(Short.class);
        assertThat(m.getObjectProperty("float")).isInstanceOf(Float.class);
        assertThat(m.getLongProperty("int")).isEqualTo(5L);
        assertThat(m.getStringProperty("int")).isEqualTo("5");
        List<String> names = new ArrayList<>();
        for (java.util.Enumeration<?> e = m.getPropertyNames(); e.hasMoreElements();) {
            names.add((String) e.nextElement());
        }
        assertThat(names).contains("bool", "byte", "short", "int", "long", "float", "double", "string", "object",
                "JMSXDeliveryCount");
    }

    @Test
    void textMessageRoundTrip() throws Exception {
        open();
        TextMessage sent = session.createTextMessage("Grüße ✓ \u0000 end");
        setAllProperties(sent);
        sent.setJMSCorrelationID("corr-1");
        sent.setJMSType("greeting");
        Queue replyTo = session.createQueue("replies");
        sent.setJMSReplyTo(replyTo);
        TextMessage got = (TextMessage) roundTrip(sent);
        assertThat(got.getText()).isEqualTo("Grüße ✓ \u0000 end");
        assertThat(got.getBody(String.class)).isEqualTo(got.getText());
        assertAllProperties(got);
        assertThat(got.getJMSCorrelationID()).isEqualTo("corr-1");
        assertThat(got.getJMSType()).isEqualTo("greeting");
        assertThat(got.getJMSReplyTo()).isEqualTo(replyTo);
        assertThat(got.getJMSDestination()).isEqualTo(queue);
        assertThat(got.getJMSMessageID()).isEqualTo(sent.getJMSMessageID()).startsWith("ID:");
        assertThat(got.getJMSTimestamp()).isEqualTo(sent.getJMSTimestamp()).isPositive();
        assertThat(got.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);

        TextMessage empty = (TextMessage) roundTrip(session.createTextMessage());
        assertThat(empty.getText()).isNull();
        TextMessage blank = (TextMessage) roundTrip(session.createTextMessage(""));
        assertThat(blank.getText()).isEmpty();
    }

    @Test
    void bytesMessageRoundTrip() throws Exception {
        open();
        BytesMessage sent = session.createBytesMessage();
        sent.writeBoolean(true);
        sent.writeByte((byte) 1);
        sent.writeShort((short) -2);
        sent.writeChar('c');
        sent.writeInt(3);
        sent.writeLong(4L);
        sent.writeFloat(5.5f);
        sent.writeDouble(6.25);
        sent.writeUTF("utf ✓");
        sent.writeBytes(new byte[] {9, 8, 7});
        setAllProperties(sent);
        BytesMessage got = (BytesMessage) roundTrip(sent);
        assertAllProperties(got);
        assertThat(got.readBoolean()).isTrue();
        assertThat(got.readByte()).isEqualTo((byte) 1);
        assertThat(got.readShort()).isEqualTo((short) -2);
        assertThat(got.readChar()).isEqualTo('c');
        assertThat(got.readInt()).isEqualTo(3);
        assertThat(got.readLong()).isEqualTo(4L);
        assertThat(got.readFloat()).isEqualTo(5.5f);
        assertThat(got.readDouble()).isEqualTo(6.25);
        assertThat(got.readUTF()).isEqualTo("utf ✓");
        byte[] tail = new byte[5];
        assertThat(got.readBytes(tail)).isEqualTo(3);
        assertThat(tail).startsWith(9, 8, 7);
        assertThat(got.readBytes(tail)).isEqualTo(-1);
        got.reset();
        assertThat(got.readBoolean()).isTrue();
        assertThat(got.getBodyLength()).isEqualTo(got.getBody(byte[].class).length);
    }

    @Test
    void mapMessageRoundTrip() throws Exception {
        open();
        MapMessage sent = session.createMapMessage();
        sent.setBoolean("bool", true);
        sent.setByte("byte", (byte) 1);
        sent.setShort("short", (short) 2);
        sent.setChar("char", 'x');
        sent.setInt("int", 3);
        sent.setLong("long", 4L);
        sent.setFloat("float", 5.5f);
        sent.setDouble("double", 6.5);
        sent.setString("string", "s ✓");
        sent.setBytes("bytes", new byte[] {1, 2, 3});
        sent.setObject("object", 7);
        sent.setString("null", null);
        setAllProperties(sent);
        MapMessage got = (MapMessage) roundTrip(sent);
        assertAllProperties(got);
        assertThat(got.getBoolean("bool")).isTrue();
        assertThat(got.getByte("byte")).isEqualTo((byte) 1);
        assertThat(got.getShort("short")).isEqualTo((short) 2);
        assertThat(got.getChar("char")).isEqualTo('x');
        assertThat(got.getInt("int")).isEqualTo(3);
        assertThat(got.getLong("long")).isEqualTo(4L);
        assertThat(got.getFloat("float")).isEqualTo(5.5f);
        assertThat(got.getDouble("double")).isEqualTo(6.5);
        assertThat(got.getString("string")).isEqualTo("s ✓");
        assertThat(got.getBytes("bytes")).containsExactly(1, 2, 3);
        assertThat(got.getObject("object")).isEqualTo(7);
        assertThat(got.itemExists("null")).isTrue();
        assertThat(got.getString("null")).isNull();
        assertThat(got.getString("int")).isEqualTo("3");
        assertThatThrownBy(() -> got.getInt("string")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> got.getBoolean("bytes")).isInstanceOf(MessageFormatException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = got.getBody(Map.class);
        assertThat(body).containsEntry("int", 3).containsEntry("string", "s ✓");
    }

    @Test
    void streamMessageRoundTrip() throws Exception {
        open();
        StreamMessage sent = session.createStreamMessage();
        sent.writeBoolean(true);
        sent.writeByte((byte) 1);
        sent.writeShort((short) 2);
        sent.writeChar('y');
        sent.writeInt(3);
        sent.writeLong(4L);
        sent.writeFloat(5.5f);
        sent.writeDouble(6.5);
        sent.writeString("s ✓");
        sent.writeBytes(new byte[] {4, 5});
        sent.writeObject(8);
        sent.writeString(null);
        setAllProperties(sent);
        StreamMessage got = (StreamMessage) roundTrip(sent);
        assertAllProperties(got);
        assertThat(got.readBoolean()).isTrue();
        assertThat(got.readByte()).isEqualTo((byte) 1);
        assertThat(got.readShort()).isEqualTo((short) 2);
        assertThat(got.readChar()).isEqualTo('y');
        assertThat(got.readInt()).isEqualTo(3);
        assertThat(got.readLong()).isEqualTo(4L);
        assertThat(got.readFloat()).isEqualTo(5.5f);
        assertThat(got.readDouble()).isEqualTo(6.5);
        assertThat(got.readString()).isEqualTo("s ✓");
        byte[] bytes = new byte[2];
        assertThat(got.readBytes(bytes)).isEqualTo(2);
        assertThat(bytes).containsExactly(4, 5);
        assertThat(got.readBytes(bytes)).isEqualTo(-1);
        assertThat(got.readObject()).isEqualTo(8);
        assertThat(got.readString()).isNull();
        assertThatThrownBy(got::readInt).isInstanceOf(jakarta.jms.MessageEOFException.class);
    }

    @Test
    void objectMessageRoundTripOfTrustedTypes() throws Exception {
        open();
        ArrayList<Object> list = new ArrayList<>(List.of("a", 1, 2.5, java.time.LocalDate.of(2024, 2, 29)));
        ObjectMessage sent = session.createObjectMessage(list);
        setAllProperties(sent);
        ObjectMessage got = (ObjectMessage) roundTrip(sent);
        assertAllProperties(got);
        assertThat(got.getObject()).isEqualTo(list).isNotSameAs(list);
        assertThat((Object) got.getBody(List.class)).isEqualTo(list);
        ObjectMessage empty = (ObjectMessage) roundTrip(session.createObjectMessage());
        assertThat(empty.getObject()).isNull();
    }

    @Test
    void plainMessageRoundTrip() throws Exception {
        open();
        Message sent = session.createMessage();
        setAllProperties(sent);
        Message got = roundTrip(sent);
        assertAllProperties(got);
        assertThat(got).isNotInstanceOfAny(TextMessage.class, BytesMessage.class, MapMessage.class,
                StreamMessage.class, ObjectMessage.class);
        assertThat(got.getBody(String.class)).isNull();
    }

    @Test
    void anObjectMessageOfAnUntrustedClassFailsOnGetObjectNamingTheOption() throws Exception {
        open();
        ObjectMessage got = (ObjectMessage) roundTrip(session.createObjectMessage(new Parcel("box", 3)));
        assertThatThrownBy(got::getObject)
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("trustedPackages")
                .hasMessageContaining(Parcel.class.getName());
        assertThatThrownBy(() -> got.getBody(Parcel.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void anObjectMessageOfAClassInATrustedPackageFromTheUrlWorks() throws Exception {
        WarrenConnectionFactory trusting = new WarrenConnectionFactory(url + "?trustedPackages=io.warren");
        Connection c = connection(trusting);
        c.start();
        Session s = c.createSession();
        Queue q = s.createQueue(unique("trusted"));
        s.createProducer(q).send(s.createObjectMessage(new Parcel("box", 3)));
        ObjectMessage got = (ObjectMessage) receive(s.createConsumer(q));
        assertThat(got.getObject()).isEqualTo(new Parcel("box", 3));

        JMSContext ctx = track(trusting.createContext());
        Queue q2 = ctx.createQueue(unique("trusted-context"));
        ctx.createProducer().send(q2, new Parcel("ctx", 1));
        assertThat(ctx.createConsumer(q2).receiveBody(Parcel.class, RECEIVE_TIMEOUT)).isEqualTo(new Parcel("ctx", 1));
    }

    @Test
    void anUntrustedObjectBodyThroughJmsContextFailsWithAMessageFormatRuntimeException() throws Exception {
        JMSContext ctx = context();
        Queue q = ctx.createQueue(unique("untrusted-context"));
        ctx.createProducer().send(q, new Parcel("ctx", 1));
        jakarta.jms.JMSConsumer consumer = ctx.createConsumer(q);
        assertThatThrownBy(() -> consumer.receiveBody(Parcel.class, RECEIVE_TIMEOUT))
                .isInstanceOf(MessageFormatRuntimeException.class)
                .hasMessageContaining("trustedPackages");
        // AUTO_ACKNOWLEDGE: the message comes again, not counted as a redelivery
        Message again = consumer.receive(RECEIVE_TIMEOUT);
        assertThat(again).isInstanceOf(ObjectMessage.class);
        assertThat(again.getJMSRedelivered()).isFalse();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
    }

    @Test
    void receiveBodyOfTheWrongTypeLeavesTheMessageForTheNextReceive() throws Exception {
        JMSContext ctx = context();
        Queue q = ctx.createQueue(unique("wrong-body"));
        ctx.createProducer().send(q, "text").send(q, "second");
        jakarta.jms.JMSConsumer consumer = ctx.createConsumer(q);
        assertThatThrownBy(() -> consumer.receiveBody(Integer.class, RECEIVE_TIMEOUT))
                .isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("text");
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("second");
    }

    @Test
    void aReceivedMessageIsReadOnlyUntilClearBodyOrClearProperties() throws Exception {
        open();
        TextMessage text = session.createTextMessage("x");
        text.setStringProperty("p", "v");
        TextMessage got = (TextMessage) roundTrip(text);
        assertThatThrownBy(() -> got.setText("y")).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> got.setStringProperty("p", "w")).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> got.setIntProperty("q", 1)).isInstanceOf(MessageNotWriteableException.class);
        got.clearBody();
        assertThat(got.getText()).isNull();
        got.setText("y");
        assertThat(got.getStringProperty("p")).isEqualTo("v");
        assertThatThrownBy(() -> got.setStringProperty("p", "w")).isInstanceOf(MessageNotWriteableException.class);
        got.clearProperties();
        assertThat(got.propertyExists("p")).isFalse();
        got.setStringProperty("p", "w");

        // a received message can be modified and sent on
        session.createProducer(queue).send(got);
        TextMessage forwarded = (TextMessage) receive(consumer);
        assertThat(forwarded.getText()).isEqualTo("y");
        assertThat(forwarded.getStringProperty("p")).isEqualTo("w");

        BytesMessage bytes = session.createBytesMessage();
        bytes.writeInt(1);
        BytesMessage gotBytes = (BytesMessage) roundTrip(bytes);
        assertThatThrownBy(() -> gotBytes.writeInt(2)).isInstanceOf(MessageNotWriteableException.class);
        MapMessage gotMap = (MapMessage) roundTrip(session.createMapMessage());
        assertThatThrownBy(() -> gotMap.setInt("a", 1)).isInstanceOf(MessageNotWriteableException.class);
        StreamMessage gotStream = (StreamMessage) roundTrip(session.createStreamMessage());
        assertThatThrownBy(() -> gotStream.writeInt(1)).isInstanceOf(MessageNotWriteableException.class);
        ObjectMessage gotObject = (ObjectMessage) roundTrip(session.createObjectMessage("o"));
        assertThatThrownBy(() -> gotObject.setObject("p")).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    void aReceivedMessageCanBeForwardedUnchangedToAnotherDestination() throws Exception {
        open();
        BytesMessage bytes = session.createBytesMessage();
        bytes.writeBytes(new byte[] {1, 2, 3});
        bytes.setStringProperty("p", "v");
        BytesMessage got = (BytesMessage) roundTrip(bytes);
        Queue next = session.createQueue(unique("next"));
        session.createProducer(next).send(got);
        BytesMessage forwarded = (BytesMessage) receive(session.createConsumer(next));
        assertThat(forwarded.getBody(byte[].class)).containsExactly(1, 2, 3);
        assertThat(forwarded.getStringProperty("p")).isEqualTo("v");
        assertThat(forwarded.getJMSDestination()).isEqualTo(next);
        assertThat(forwarded.getJMSRedelivered()).isFalse();
    }

    @Test
    void aForeignTextMessageCanBeSentAndArrivesAsATextMessage() throws Exception {
        open();
        ForeignTextMessage foreign = new ForeignTextMessage("from elsewhere");
        foreign.setStringProperty("origin", "other-provider");
        foreign.setIntProperty("n", 5);
        foreign.setJMSCorrelationID("foreign-corr");
        foreign.setJMSType("foreign-type");
        MessageProducer p = session.createProducer(queue);
        p.setPriority(6);
        long before = System.currentTimeMillis();
        p.send(foreign);

        // the send set the headers on the foreign object, as the specification requires
        assertThat(foreign.getJMSMessageID()).startsWith("ID:");
        assertThat(foreign.getJMSDestination()).isEqualTo(queue);
        assertThat(foreign.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(foreign.getJMSPriority()).isEqualTo(6);
        assertThat(foreign.getJMSTimestamp()).isGreaterThanOrEqualTo(before);
        assertThat(foreign.getJMSExpiration()).isZero();

        Message got = receive(consumer);
        assertThat(got).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) got).getText()).isEqualTo("from elsewhere");
        assertThat(got.getStringProperty("origin")).isEqualTo("other-provider");
        assertThat(got.getIntProperty("n")).isEqualTo(5);
        assertThat(got.getJMSCorrelationID()).isEqualTo("foreign-corr");
        assertThat(got.getJMSType()).isEqualTo("foreign-type");
        assertThat(got.getJMSMessageID()).isEqualTo(foreign.getJMSMessageID());
        assertThat(got.getJMSPriority()).isEqualTo(6);
    }

    @Test
    void aForeignMessageCanBeSentThroughJmsContext() throws Exception {
        JMSContext ctx = context();
        Queue q = ctx.createQueue(unique("foreign-context"));
        ForeignTextMessage foreign = new ForeignTextMessage("ctx");
        ctx.createProducer().setProperty("added", true).send(q, foreign);
        assertThat(foreign.getJMSMessageID()).startsWith("ID:");
        assertThat(foreign.getBooleanProperty("added")).isTrue();
        Message got = ctx.createConsumer(q).receive(RECEIVE_TIMEOUT);
        assertThat(got.getBody(String.class)).isEqualTo("ctx");
        assertThat(got.getBooleanProperty("added")).isTrue();
    }

    @Test
    void disabledMessageIdsAndTimestampsAreNotSet() throws Exception {
        open();
        MessageProducer p = session.createProducer(queue);
        p.setDisableMessageID(true);
        p.setDisableMessageTimestamp(true);
        assertThat(p.getDisableMessageID()).isTrue();
        assertThat(p.getDisableMessageTimestamp()).isTrue();
        Message sent = session.createTextMessage("anonymous");
        p.send(sent, DeliveryMode.NON_PERSISTENT, 4, 0);
        assertThat(sent.getJMSMessageID()).isNull();
        assertThat(sent.getJMSTimestamp()).isZero();
        Message got = receive(consumer);
        assertThat(got.getJMSMessageID()).isNull();
        assertThat(got.getJMSTimestamp()).isZero();
        assertThat(got.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);

        JMSContext ctx = context();
        Queue q = ctx.createQueue(unique("anonymous-context"));
        ctx.createProducer().setDisableMessageID(true).setDisableMessageTimestamp(true).send(q, "x");
        Message viaContext = ctx.createConsumer(q).receive(RECEIVE_TIMEOUT);
        assertThat(viaContext.getJMSMessageID()).isNull();
        assertThat(viaContext.getJMSTimestamp()).isZero();
    }

    @Test
    void aJmsProducerWithPropertiesCannotSendAReceivedMessageWithReadOnlyProperties() throws Exception {
        open();
        Message got = roundTrip(session.createTextMessage("x"));
        JMSContext ctx = context();
        Queue q = ctx.createQueue(unique("read-only-forward"));
        assertThatThrownBy(() -> ctx.createProducer().setProperty("added", 1).send(q, got))
                .isInstanceOf(jakarta.jms.MessageNotWriteableRuntimeException.class);
        // without producer properties it can be forwarded as it is
        ctx.createProducer().send(q, got);
        assertThat(ctx.createConsumer(q).receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("x");
    }

    @Test
    void groupPropertiesTravelAndCanBeSelectedOn() throws Exception {
        open();
        Queue groups = session.createQueue(unique("groups"));
        MessageProducer p = session.createProducer(groups);
        for (int i = 1; i <= 2; i++) {
            Message m = session.createTextMessage("g" + i);
            m.setStringProperty("JMSXGroupID", i == 1 ? "orders-1" : "orders-2");
            m.setIntProperty("JMSXGroupSeq", i);
            p.send(m);
        }
        MessageConsumer group2 = session.createConsumer(groups, "JMSXGroupID = 'orders-2'");
        Message got = receive(group2);
        assertThat(text(got)).isEqualTo("g2");
        assertThat(got.getStringProperty("JMSXGroupID")).isEqualTo("orders-2");
        assertThat(got.getIntProperty("JMSXGroupSeq")).isEqualTo(2);
        assertThat(text(receive(session.createConsumer(groups)))).isEqualTo("g1");
    }

    @Test
    void aMessageCanBeResentAfterItWasSent() throws Exception {
        open();
        TextMessage m = session.createTextMessage("again");
        MessageProducer p = session.createProducer(queue);
        p.send(m);
        String firstId = m.getJMSMessageID();
        m.setText("again-2");
        p.send(m);
        assertThat(m.getJMSMessageID()).isNotEqualTo(firstId);
        assertThat(receiveTexts(consumer, 2)).containsExactly("again", "again-2");
    }
}
