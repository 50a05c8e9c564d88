package io.warren.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.message.Message;
import io.warren.jms.destination.WarrenTopic;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Messages of another provider are sent through their public API. */
class ForeignMessageMappingTest {

    private static Message send(jakarta.jms.Message m) throws JMSException {
        return MessageMapper.toBroker(m, "", "q", "conn");
    }

    @Test
    void everyHeaderIsCopied() throws JMSException {
        Queue replyTo = ForeignStub.of(Queue.class, new ForeignStub().returns("getQueueName", "replies"));
        jakarta.jms.Message m = ForeignStub.of(jakarta.jms.Message.class, new ForeignStub()
                .returns("getJMSMessageID", "ID:other-1")
                .returns("getJMSTimestamp", 11L)
                .returns("getJMSCorrelationID", "corr")
                .returns("getJMSReplyTo", replyTo)
                .returns("getJMSType", "type")
                .returns("getJMSDeliveryMode", DeliveryMode.NON_PERSISTENT)
                .returns("getJMSPriority", 8)
                .returns("getJMSExpiration", 22L)
                .returns("getJMSDeliveryTime", 33L));
        Message b = send(m);
        assertThat(b.messageId()).isEqualTo("ID:other-1");
        assertThat(b.timestamp()).isEqualTo(11L);
        assertThat(b.correlationId()).isEqualTo("corr");
        assertThat(b.replyTo()).isEqualTo("queue://replies");
        assertThat(b.type()).isEqualTo("type");
        assertThat(b.persistent()).isFalse();
        assertThat(b.priority()).isEqualTo(8);
        assertThat(b.expiration()).isEqualTo(22L);
        assertThat(b.deliveryTime()).isEqualTo(33L);
        assertThat(b.contentType()).isEqualTo(ContentTypes.MESSAGE);
        assertThat(Received.of(b).getClass()).isEqualTo(WarrenMessage.class);
    }

    @Test
    void aForeignTopicReplyToTravelsByName() throws JMSException {
        Topic t = ForeignStub.of(Topic.class, new ForeignStub().returns("getTopicName", "news"));
        Message b = send(ForeignStub.of(jakarta.jms.Message.class, new ForeignStub().returns("getJMSReplyTo", t)));
        assertThat(b.replyTo()).isEqualTo("topic://news");
        assertThat(Received.of(b).getJMSReplyTo()).isEqualTo(new WarrenTopic("news"));
    }

    @Test
    void aReplyToThatIsNeitherQueueNorTopicIsDropped() throws JMSException {
        Destination d = ForeignStub.of(Destination.class, new ForeignStub());
        Message b = send(ForeignStub.of(jakarta.jms.Message.class, new ForeignStub().returns("getJMSReplyTo", d)));
        assertThat(b.replyTo()).isNull();
    }

    @Test
    void aBytesCorrelationIdIsUsedWhenThereIsNoStringOne() throws JMSException {
        Message b = send(ForeignStub.of(jakarta.jms.Message.class, new ForeignStub()
                .returns("getJMSCorrelationIDAsBytes", new byte[] {1, 2})));
        assertThat(Received.of(b).getJMSCorrelationIDAsBytes()).containsExactly(1, 2);
    }

    @Test
    void aProviderWithoutBytesCorrelationIdsIsFine() throws JMSException {
        Message b = send(ForeignStub.of(jakarta.jms.Message.class, new ForeignStub()
                .answer("getJMSCorrelationIDAsBytes", args -> {
                    throw new UnsupportedOperationException();
                })));
        assertThat(b.correlationId()).isNull();
    }

    @Test
    void propertiesAreCopiedWithTheirTypesAndJmsxValuesGoToTheirFields() throws JMSException {
        Map<String, Object> props = Map.of("i", 5, "s", "x", "JMSXDeliveryCount", 4, "JMSXUserID", "bob",
                "JMSXAppID", "app", "JMSXGroupID", "g");
        Message b = send(ForeignStub.of(jakarta.jms.Message.class, new ForeignStub()
                .answer("getPropertyNames", args -> Collections.enumeration(props.keySet()))
                .answer("getObjectProperty", args -> props.get((String) args[0]))));
        assertThat(b.headers()).containsExactlyInAnyOrderEntriesOf(Map.of("i", 5, "s", "x", "JMSXGroupID", "g"));
        assertThat(b.userId()).isEqualTo("bob");
        assertThat(b.appId()).isEqualTo("app");
    }

    @Test
    void aPropertyOfANonJmsTypeIsRefused() {
        jakarta.jms.Message m = ForeignStub.of(jakarta.jms.Message.class, new ForeignStub()
                .answer("getPropertyNames", args -> Collections.enumeration(List.of("odd")))
                .returns("getObjectProperty", new ArrayList<>()));
        assertThatThrownBy(() -> send(m)).isInstanceOf(MessageFormatException.class).hasMessageContaining("odd");
    }

    @Test
    void aTextBodyIsCopied() throws JMSException {
        TextMessage m = ForeignStub.of(TextMessage.class, new ForeignStub().returns("getText", "hello"));
        assertThat(((TextMessage) Received.of(send(m))).getText()).isEqualTo("hello");
    }

    @Test
    void aNullTextStaysNull() throws JMSException {
        TextMessage m = ForeignStub.of(TextMessage.class, new ForeignStub());
        assertThat(((TextMessage) Received.of(send(m))).getText()).isNull();
    }

    @Test
    void aBytesBodyIsReadAfterResetAndRewoundAfterwards() throws JMSException {
        ForeignStub stub = new ForeignStub()
                .returns("getBodyLength", 3L)
                .answer("readBytes", args -> {
                    System.arraycopy(new byte[] {1, 2, 3}, 0, (byte[]) args[0], 0, 3);
                    return 3;
                });
        WarrenMessage r = Received.of(send(ForeignStub.of(BytesMessage.class, stub)));
        assertThat(r.getBody(byte[].class)).containsExactly(1, 2, 3);
        assertThat(stub.calls).containsSubsequence("reset", "readBytes", "reset");
    }

    @Test
    void aMapBodyIsCopiedItemByItem() throws JMSException {
        Map<String, Object> items = Map.of("a", 1, "b", new byte[] {2}, "c", 'c');
        MapMessage m = ForeignStub.of(MapMessage.class, new ForeignStub()
                .answer("getMapNames", args -> Collections.enumeration(items.keySet()))
                .answer("getObject", args -> items.get((String) args[0])));
        MapMessage r = (MapMessage) Received.of(send(m));
        assertThat(r.getInt("a")).isEqualTo(1);
        assertThat(r.getBytes("b")).containsExactly(2);
        assertThat(r.getChar("c")).isEqualTo('c');
    }

    @Test
    void aMapItemOfAnInvalidTypeIsRefused() {
        MapMessage m = ForeignStub.of(MapMessage.class, new ForeignStub()
                .answer("getMapNames", args -> Collections.enumeration(List.of("a")))
                .returns("getObject", new Object()));
        assertThatThrownBy(() -> send(m)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void anObjectBodyIsSerialised() throws JMSException {
        ObjectMessage m = ForeignStub.of(ObjectMessage.class, new ForeignStub()
                .returns("getObject", new ArrayList<>(List.of("x"))));
        assertThat(((ObjectMessage) Received.of(send(m))).getObject()).isEqualTo(List.of("x"));
    }

    @Test
    void aStreamBodyIsReadToItsEnd() throws JMSException {
        Iterator<Object> values = new ArrayList<Object>(java.util.Arrays.asList(1, "two", null)).iterator();
        ForeignStub stub = new ForeignStub().answer("readObject", args -> {
            if (!values.hasNext()) {
                throw new MessageEOFException("end");
            }
            return values.next();
        });
        StreamMessage r = (StreamMessage) Received.of(send(ForeignStub.of(StreamMessage.class, stub)));
        assertThat(r.readInt()).isEqualTo(1);
        assertThat(r.readString()).isEqualTo("two");
        assertThat(r.readObject()).isNull();
        assertThatThrownBy(r::readObject).isInstanceOf(MessageEOFException.class);
        assertThat(stub.calls).containsSubsequence("reset", "readObject", "readObject", "readObject", "readObject",
                "reset");
    }
}
