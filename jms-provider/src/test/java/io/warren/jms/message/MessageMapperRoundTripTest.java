package io.warren.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.jms.transport.Delivery;
import io.warren.message.Message;
import io.warren.jms.destination.WarrenQueue;
import io.warren.jms.destination.WarrenTemporaryQueue;
import io.warren.jms.destination.WarrenTopic;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Warren messages through toBroker and fromBroker: every header, properties, and the body of every type. */
class MessageMapperRoundTripTest {

    private static WarrenTextMessage withEveryHeader() throws JMSException {
        WarrenTextMessage m = new WarrenTextMessage("body");
        m.setJMSMessageID("ID:abc-1");
        m.setJMSTimestamp(1_700_000_000_000L);
        m.setJMSCorrelationID("corr-9");
        m.setJMSReplyTo(new WarrenTopic("replies.eu"));
        m.setJMSType("order.created");
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        m.setJMSPriority(7);
        m.setJMSExpiration(1_700_000_060_000L);
        m.setJMSDeliveryTime(1_700_000_005_000L);
        m.setJMSDestination(new WarrenQueue("ignored-on-send"));
        m.setStringProperty("JMSXUserID", "alice");
        m.setStringProperty("JMSXAppID", "shop");
        return m;
    }

    @Test
    void everyHeaderMapsToTheBrokerField() throws JMSException {
        Message b = MessageMapper.toBroker(withEveryHeader(), "amq.topic", "orders.eu", "conn-7");
        assertThat(b.exchange()).isEqualTo("amq.topic");
        assertThat(b.routingKey()).isEqualTo("orders.eu");
        assertThat(b.origin()).isEqualTo("conn-7");
        assertThat(b.messageId()).isEqualTo("ID:abc-1");
        assertThat(b.timestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(b.correlationId()).isEqualTo("corr-9");
        assertThat(b.replyTo()).isEqualTo("topic://replies.eu");
        assertThat(b.type()).isEqualTo("order.created");
        assertThat(b.persistent()).isFalse();
        assertThat(b.priority()).isEqualTo(7);
        assertThat(b.expiration()).isEqualTo(1_700_000_060_000L);
        assertThat(b.deliveryTime()).isEqualTo(1_700_000_005_000L);
        assertThat(b.userId()).isEqualTo("alice");
        assertThat(b.appId()).isEqualTo("shop");
        assertThat(b.contentType()).isEqualTo(ContentTypes.TEXT);
        assertThat(b.headers()).isEmpty();
    }

    @Test
    void everyHeaderComesBackOnReceive() throws JMSException {
        Message b = MessageMapper.toBroker(withEveryHeader(), "amq.topic", "orders.eu", "conn-7");
        WarrenMessage r = MessageMapper.fromBroker(new Delivery(3, b, true, 2), ObjectMessagePolicy.defaults());
        assertThat(r.getJMSMessageID()).isEqualTo("ID:abc-1");
        assertThat(r.getJMSTimestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(r.getJMSCorrelationID()).isEqualTo("corr-9");
        assertThat(r.getJMSReplyTo()).isEqualTo(new WarrenTopic("replies.eu"));
        assertThat(r.getJMSType()).isEqualTo("order.created");
        assertThat(r.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(r.getJMSPriority()).isEqualTo(7);
        assertThat(r.getJMSExpiration()).isEqualTo(1_700_000_060_000L);
        assertThat(r.getJMSDeliveryTime()).isEqualTo(1_700_000_005_000L);
        assertThat(r.getJMSDestination()).isEqualTo(new WarrenTopic("orders.eu"));
        assertThat(r.getJMSRedelivered()).isTrue();
        assertThat(r.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        assertThat(r.getStringProperty("JMSXUserID")).isEqualTo("alice");
        assertThat(r.getStringProperty("JMSXAppID")).isEqualTo("shop");
    }

    @Test
    void aFirstDeliveryIsNotRedelivered() throws JMSException {
        WarrenMessage r = Received.copyOf(new WarrenMessage());
        assertThat(r.getJMSRedelivered()).isFalse();
        assertThat(r.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
    }

    @Test
    void persistentMessagesStayPersistent() throws JMSException {
        WarrenMessage m = new WarrenMessage();
        m.setJMSDeliveryMode(DeliveryMode.PERSISTENT);
        assertThat(Received.published(m).persistent()).isTrue();
        assertThat(Received.copyOf(m).getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
    }

    @Test
    void everyPriorityFromZeroToNineSurvives() throws JMSException {
        for (int p = 0; p <= 9; p++) {
            WarrenMessage m = new WarrenMessage();
            m.setJMSPriority(p);
            assertThat(Received.copyOf(m).getJMSPriority()).isEqualTo(p);
        }
    }

    @Test
    void anImpossibleHeaderValueFailsWithMessageFormatException() {
        WarrenMessage m = new WarrenMessage();
        m.setJMSPriority(-1);
        assertThatThrownBy(() -> Received.published(m)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void aBytesCorrelationIdSurvives() throws JMSException {
        WarrenMessage m = new WarrenMessage();
        m.setJMSCorrelationIDAsBytes(new byte[] {1, 2, (byte) 0xfe});
        WarrenMessage r = Received.copyOf(m);
        assertThat(r.getJMSCorrelationIDAsBytes()).containsExactly(1, 2, 0xfe);
    }

    @Test
    void temporaryReplyToDestinationsSurvive() throws JMSException {
        WarrenMessage m = new WarrenMessage();
        m.setJMSReplyTo(new WarrenTemporaryQueue("warren.temp-queue.c1.1", null));
        assertThat(Received.copyOf(m).getJMSReplyTo())
                .isInstanceOf(WarrenTemporaryQueue.class)
                .isEqualTo(new WarrenTemporaryQueue("warren.temp-queue.c1.1", null));
    }

    @Test
    void propertiesKeepTheirTypes() throws JMSException {
        WarrenMessage m = new WarrenMessage();
        m.setBooleanProperty("z", true);
        m.setByteProperty("b", (byte) 1);
        m.setShortProperty("s", (short) 2);
        m.setIntProperty("i", 3);
        m.setLongProperty("l", 4);
        m.setFloatProperty("f", 5f);
        m.setDoubleProperty("d", 6d);
        m.setStringProperty("t", "7");
        Message b = Received.published(m);
        assertThat(b.headers()).containsExactlyInAnyOrderEntriesOf(Map.of("z", true, "b", (byte) 1, "s", (short) 2,
                "i", 3, "l", 4L, "f", 5f, "d", 6d, "t", "7"));
        WarrenMessage r = Received.of(b);
        assertThat(r.getObjectProperty("b")).isInstanceOf(Byte.class);
        assertThat(r.getObjectProperty("s")).isInstanceOf(Short.class);
        assertThat(r.getObjectProperty("f")).isInstanceOf(Float.class);
        assertThat(r.getObjectProperty("l")).isInstanceOf(Long.class);
    }

    @Test
    void nullPropertiesAreNotSent() throws JMSException {
        WarrenMessage m = new WarrenMessage();
        m.setStringProperty("n", null);
        assertThat(Received.published(m).headers()).doesNotContainKey("n");
    }

    @Test
    void aReceivedMessageSharesTheBrokersHeaderMap() throws JMSException {
        WarrenMessage m = new WarrenMessage();
        m.setIntProperty("a", 1);
        Message b = Received.published(m);
        WarrenMessage r = Received.of(b);
        assertThat(r.propertyMap()).isSameAs(b.headers());
    }

    @Test
    void forwardingAReceivedMessageKeepsItsBodyBytes() throws JMSException {
        WarrenMapMessage map = new WarrenMapMessage();
        map.setInt("a", 1);
        WarrenStreamMessage stream = new WarrenStreamMessage();
        stream.writeInt(1);
        WarrenBytesMessage bytes = new WarrenBytesMessage();
        bytes.writeInt(1);
        WarrenObjectMessage object = new WarrenObjectMessage();
        object.setObject("o");
        for (WarrenMessage m : new WarrenMessage[] {map, stream, bytes, object, new WarrenTextMessage("t")}) {
            Message first = Received.published(m);
            WarrenMessage r = Received.of(first);
            assertThat(Received.published(r).body()).as(m.getClass().getSimpleName()).isSameAs(first.body());
        }
    }

    @Test
    void forwardingAReceivedMessageAfterReadingItKeepsItsBody() throws JMSException {
        WarrenMapMessage map = new WarrenMapMessage();
        map.setInt("a", 1);
        Message first = Received.published(map);
        WarrenMapMessage r = (WarrenMapMessage) Received.of(first);
        assertThat(r.getInt("a")).isEqualTo(1);
        Message again = Received.published(r);
        assertThat(again.body()).isSameAs(first.body());
        assertThat(((WarrenMapMessage) Received.of(again)).getInt("a")).isEqualTo(1);
    }

    @Test
    void aReceivedMessageWithNewPropertiesAndBodyCarriesTheNewOnes() throws JMSException {
        WarrenMapMessage map = new WarrenMapMessage();
        map.setInt("a", 1);
        map.setIntProperty("p", 1);
        WarrenMapMessage r = Received.copyOf(map);
        r.clearBody();
        r.clearProperties();
        r.setInt("b", 2);
        r.setIntProperty("q", 2);
        WarrenMapMessage again = Received.copyOf(r);
        assertThat(again.itemExists("a")).isFalse();
        assertThat(again.getInt("b")).isEqualTo(2);
        assertThat(again.propertyExists("p")).isFalse();
        assertThat(again.getIntProperty("q")).isEqualTo(2);
    }

    @Test
    void eachBodyTypeHasItsContentType() throws JMSException {
        assertThat(Received.published(new WarrenMessage()).contentType()).isEqualTo("jms/message");
        assertThat(Received.published(new WarrenTextMessage("t")).contentType()).isEqualTo("jms/text");
        assertThat(Received.published(new WarrenBytesMessage()).contentType()).isEqualTo("jms/bytes");
        assertThat(Received.published(new WarrenMapMessage()).contentType()).isEqualTo("jms/map");
        assertThat(Received.published(new WarrenObjectMessage()).contentType()).isEqualTo("jms/object");
        assertThat(Received.published(new WarrenStreamMessage()).contentType()).isEqualTo("jms/stream");
    }

    @Test
    void eachContentTypeComesBackAsItsMessageClass() throws JMSException {
        assertThat(Received.copyOf(new WarrenMessage())).isExactlyInstanceOf(WarrenMessage.class);
        assertThat(Received.copyOf(new WarrenTextMessage())).isExactlyInstanceOf(WarrenTextMessage.class);
        assertThat(Received.copyOf(new WarrenBytesMessage())).isExactlyInstanceOf(WarrenBytesMessage.class);
        assertThat(Received.copyOf(new WarrenMapMessage())).isExactlyInstanceOf(WarrenMapMessage.class);
        assertThat(Received.copyOf(new WarrenObjectMessage())).isExactlyInstanceOf(WarrenObjectMessage.class);
        assertThat(Received.copyOf(new WarrenStreamMessage())).isExactlyInstanceOf(WarrenStreamMessage.class);
    }

    @Test
    void theObjectPolicyGivenToTheMapperGoesToTheMessage() throws JMSException {
        WarrenObjectMessage o = new WarrenObjectMessage();
        o.setObject("x");
        WarrenObjectMessage r = (WarrenObjectMessage) MessageMapper.fromBroker(
                Received.delivery(Received.published(o), 1), ObjectMessagePolicy.trustAll());
        assertThat(r.policy()).isEqualTo(ObjectMessagePolicy.trustAll());
    }

    @Test
    void browsingShowsAFirstDelivery() throws JMSException {
        WarrenMessage m = new WarrenMessage();
        m.setIntProperty("a", 1);
        WarrenMessage browsed = MessageMapper.fromBroker(Received.published(m), ObjectMessagePolicy.defaults());
        assertThat(browsed.getJMSRedelivered()).isFalse();
        assertThat(browsed.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(browsed.getIntProperty("a")).isEqualTo(1);
        assertThatThrownBy(() -> browsed.setIntProperty("b", 1)).isInstanceOf(jakarta.jms.MessageNotWriteableException.class);
    }

    @Test
    void theBrokerMessageDoesNotChangeWhenTheJmsMessageDoes() throws JMSException {
        WarrenTextMessage m = new WarrenTextMessage("a");
        m.setIntProperty("p", 1);
        Message b = Received.published(m);
        m.setText("b");
        m.setIntProperty("p", 2);
        m.setJMSType("later");
        assertThat(new String(b.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("a");
        assertThat(b.headers()).containsEntry("p", 1);
        assertThat(b.type()).isNull();
    }

    @Test
    void theMessageCanBeSentAgainUnchanged() throws JMSException {
        WarrenTextMessage m = new WarrenTextMessage("a");
        assertThat(Received.published(m)).isEqualTo(Received.published(m));
    }
}
