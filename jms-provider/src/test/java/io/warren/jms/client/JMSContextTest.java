package io.warren.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The simplified API: JMSContext, JMSProducer, JMSConsumer and their unchecked exceptions. */
class JMSContextTest extends JmsTestSupport {

    @Test
    void createContextSendsAndReceivesEveryBodyKind() throws Exception {
        JMSContext ctx = context();
        assertThat(ctx.getSessionMode()).isEqualTo(JMSContext.AUTO_ACKNOWLEDGE);
        assertThat(ctx.getAutoStart()).isTrue();
        Queue q = ctx.createQueue(unique("bodies"));
        JMSConsumer consumer = ctx.createConsumer(q);
        JMSProducer p = ctx.createProducer();

        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("b", "two");
        p.send(q, "text");
        p.send(q, map);
        p.send(q, new byte[] {1, 2, 3});
        p.send(q, (Serializable) Long.valueOf(42));
        p.send(q, ctx.createMessage());

        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("text");
        @SuppressWarnings("unchecked")
        Map<String, Object> gotMap = consumer.receiveBody(Map.class, RECEIVE_TIMEOUT);
        assertThat(gotMap).isEqualTo(map);
        assertThat(consumer.receiveBody(byte[].class, RECEIVE_TIMEOUT)).containsExactly(1, 2, 3);
        assertThat(consumer.receiveBody(Long.class, RECEIVE_TIMEOUT)).isEqualTo(42L);
        Message plain = consumer.receive(RECEIVE_TIMEOUT);
        assertThat(plain).isNotNull().isNotInstanceOf(TextMessage.class);
        assertThat(consumer.receiveBodyNoWait(String.class)).isNull();
    }

    @Test
    void receivedMessagesHaveTheRightTypes() throws Exception {
        JMSContext ctx = context();
        Queue q = ctx.createQueue(unique("types"));
        JMSConsumer consumer = ctx.createConsumer(q);
        ctx.createProducer().send(q, "t").send(q, Map.of("k", "v")).send(q, new byte[] {1})
                .send(q, (Serializable) "object");
        assertThat(consumer.receive(RECEIVE_TIMEOUT)).isInstanceOf(TextMessage.class);
        assertThat(consumer.receive(RECEIVE_TIMEOUT)).isInstanceOf(MapMessage.class);
        assertThat(consumer.receive(RECEIVE_TIMEOUT)).isInstanceOf(BytesMessage.class);
        assertThat(consumer.receive(RECEIVE_TIMEOUT)).isInstanceOf(ObjectMessage.class);
    }

    @Test
    void producerPropertiesAndHeadersApplyToEveryMessageItSends() throws Exception {
        JMSContext ctx = context();
        Queue q = ctx.createQueue(unique("fluent"));
        Queue replyTo = ctx.createQueue(unique("reply"));
        JMSConsumer consumer = ctx.createConsumer(q);
        JMSProducer p = ctx.createProducer()
                .setProperty("bool", true)
                .setProperty("byte", (byte) 1)
                .setProperty("short", (short) 2)
                .setProperty("int", 3)
                .setProperty("long", 4L)
                .setProperty("float", 5.5f)
                .setProperty("double", 6.5)
                .setProperty("string", "s")
                .setProperty("object", (Object) 7)
                .setJMSCorrelationID("corr")
                .setJMSType("type")
                .setJMSReplyTo(replyTo)
                .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                .setPriority(7)
                .setTimeToLive(60_000);
        assertThat(p.getPropertyNames()).containsExactlyInAnyOrder("bool", "byte", "short", "int", "long", "float",
                "double", "string", "object");
        assertThat(p.getIntProperty("int")).isEqualTo(3);
        assertThat(p.getStringProperty("int")).isEqualTo("3");
        assertThat(p.propertyExists("nope")).isFalse();
        assertThat(p.getDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(p.getPriority()).isEqualTo(7);
        assertThat(p.getTimeToLive()).isEqualTo(60_000);
        assertThat(p.getJMSCorrelationID()).isEqualTo("corr");
        assertThat(p.getJMSType()).isEqualTo("type");
        assertThat(p.getJMSReplyTo()).isEqualTo(replyTo);

        p.send(q, "one").send(q, "two");
        for (String expected : new String[] {"one", "two"}) {
            Message m = consumer.receive(RECEIVE_TIMEOUT);
            assertThat(m.getBody(String.class)).isEqualTo(expected);
            assertThat(m.getBooleanProperty("bool")).isTrue();
            assertThat(m.getByteProperty("byte")).isEqualTo((byte) 1);
            assertThat(m.getShortProperty("short")).isEqualTo((short) 2);
            assertThat(m.getIntProperty("int")).isEqualTo(3);
            assertThat(m.getLongProperty("long")).isEqualTo(4L);
            assertThat(m.getFloatProperty("float")).isEqualTo(5.5f);
            assertThat(m.getDoubleProperty("double")).isEqualTo(6.5);
            assertThat(m.getStringProperty("string")).isEqualTo("s");
            assertThat(m.getObjectProperty("object")).isEqualTo(7);
            assertThat(m.getJMSCorrelationID()).isEqualTo("corr");
            assertThat(m.getJMSType()).isEqualTo("type");
            assertThat(m.getJMSReplyTo()).isEqualTo(replyTo);
            assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
            assertThat(m.getJMSPriority()).isEqualTo(7);
            assertThat(m.getJMSExpiration()).isPositive();
        }

        p.clearProperties();
        assertThat(p.getPropertyNames()).isEmpty();
        p.send(q, "three");
        assertThat(consumer.receive(RECEIVE_TIMEOUT).propertyExists("int")).isFalse();
    }

    @Test
    void producerPropertyNamesAndValuesAreChecked() {
        JMSProducer p = context().createProducer();
        assertThatThrownBy(() -> p.setProperty("", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.setProperty("NOT", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.setProperty("list", (Object) java.util.List.of()))
                .isInstanceOf(MessageFormatRuntimeException.class);
        p.setProperty("n", 5);
        assertThatThrownBy(() -> p.getBooleanProperty("n")).isInstanceOf(MessageFormatRuntimeException.class);
    }

    @Test
    void receiveBodyAndReceiveBodyNoWait() throws Exception {
        JMSContext ctx = context();
        Queue q = ctx.createQueue(unique("receive-body"));
        JMSConsumer consumer = ctx.createConsumer(q);
        assertThat(consumer.receiveBodyNoWait(String.class)).isNull();
        assertThat(consumer.receiveBody(String.class, ABSENT_TIMEOUT)).isNull();
        ctx.createProducer().send(q, "x");
        assertThat(consumer.receiveBody(String.class)).isEqualTo("x");
        ctx.createProducer().send(q, "y");
        org.awaitility.Awaitility.await().until(() -> readyCount(q.getQueueName()) == 0);
        assertThat(consumer.receiveBodyNoWait(String.class)).isEqualTo("y");
    }

    @Test
    void receiveBodyOfAMessageWithoutABodyOrOfAStreamMessageFailsAndLeavesTheMessage() throws Exception {
        JMSContext ctx = context();
        Queue q = ctx.createQueue(unique("no-body"));
        JMSConsumer consumer = ctx.createConsumer(q);
        ctx.createProducer().send(q, ctx.createMessage());
        assertThatThrownBy(() -> consumer.receiveBody(Object.class, RECEIVE_TIMEOUT))
                .isInstanceOf(MessageFormatRuntimeException.class);
        Message plain = consumer.receive(RECEIVE_TIMEOUT);
        assertThat(plain).isNotNull();
        assertThat(plain.getJMSRedelivered()).isFalse();

        ctx.createProducer().send(q, (String) null);
        assertThatThrownBy(() -> consumer.receiveBody(String.class, RECEIVE_TIMEOUT))
                .isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(((TextMessage) consumer.receive(RECEIVE_TIMEOUT)).getText()).isNull();

        jakarta.jms.StreamMessage stream = ctx.createStreamMessage();
        stream.writeInt(1);
        ctx.createProducer().send(q, stream);
        assertThatThrownBy(() -> consumer.receiveBodyNoWait(Object.class))
                .isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(consumer.receive(RECEIVE_TIMEOUT)).isInstanceOf(jakarta.jms.StreamMessage.class);
    }

    @Test
    void receiveBodyFailingInClientAcknowledgeModeCountsAsDelivered() throws Exception {
        JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE);
        Queue q = ctx.createQueue(unique("no-body-client"));
        JMSConsumer consumer = ctx.createConsumer(q);
        ctx.createProducer().send(q, "text").send(q, "next");
        assertThatThrownBy(() -> consumer.receiveBody(Integer.class, RECEIVE_TIMEOUT))
                .isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("next");
        ctx.recover();
        Message again = consumer.receive(RECEIVE_TIMEOUT);
        assertThat(again.getBody(String.class)).isEqualTo("text");
        assertThat(again.getJMSRedelivered()).isTrue();
    }

    @Test
    void errorsAreTheUncheckedCounterpartsOfTheCheckedExceptions() throws Exception {
        JMSContext ctx = context();
        assertThatThrownBy(() -> ctx.createQueue("")).isInstanceOf(InvalidDestinationRuntimeException.class);
        assertThatThrownBy(() -> ctx.createTopic("exchange:")).isInstanceOf(InvalidDestinationRuntimeException.class);
        assertThatThrownBy(() -> ctx.createConsumer(null)).isInstanceOf(InvalidDestinationRuntimeException.class);
        assertThatThrownBy(() -> ctx.createProducer().send(null, "x"))
                .isInstanceOf(InvalidDestinationRuntimeException.class);
        Topic nowhere = ctx.createTopic("exchange:no-such-exchange/key");
        assertThatThrownBy(() -> ctx.createProducer().send(nowhere, "x"))
                .isInstanceOf(InvalidDestinationRuntimeException.class);
        assertThatThrownBy(() -> ctx.createConsumer(nowhere)).isInstanceOf(InvalidDestinationRuntimeException.class);
        assertThatThrownBy(() -> ctx.createDurableConsumer(ctx.createTopic("t"), "no-client-id"))
                .isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(ctx::commit).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> ctx.createProducer().send(ctx.createQueue("q"), (Message) null))
                .isInstanceOf(MessageFormatRuntimeException.class);
        assertThatThrownBy(() -> factory.createContext(42)).isInstanceOf(JMSRuntimeException.class);
    }

    @Test
    void aClosedContextThrowsIllegalStateRuntimeException() throws Exception {
        JMSContext ctx = context();
        Queue q = ctx.createQueue(unique("closed"));
        JMSConsumer consumer = ctx.createConsumer(q);
        JMSProducer producer = ctx.createProducer();
        Message prepared = ctx.createTextMessage("prepared");
        Topic ctxTopic = ctx.createTopic(unique("closed-topic"));
        ctx.close();
        ctx.close();
        assertThatThrownBy(() -> ctx.createQueue("q")).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(ctx::createProducer).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> ctx.createConsumer(q)).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(ctx::createTextMessage).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(ctx::start).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(ctx::getClientID).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(ctx::acknowledge).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> ctx.createContext(JMSContext.AUTO_ACKNOWLEDGE))
                .isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> producer.send(q, "x")).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> producer.send(q, prepared)).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> producer.send(ctxTopic, prepared)).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(consumer::receiveNoWait).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    void contextsCreatedFromAContextShareItsConnection() throws Exception {
        JMSContext first = context();
        JMSContext second = first.createContext(JMSContext.CLIENT_ACKNOWLEDGE);
        assertThat(second.getSessionMode()).isEqualTo(JMSContext.CLIENT_ACKNOWLEDGE);
        Topic t = first.createTopic(unique("shared-connection"));
        JMSConsumer noLocal = second.createConsumer(t, null, true);
        JMSConsumer other = track(factory.createContext()).createConsumer(t);
        first.createProducer().send(t, "own");
        // the consumer of the second context is on the same connection, so the message is local to it
        assertThat(other.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("own");
        assertThat(noLocal.receiveBody(String.class, ABSENT_TIMEOUT)).isNull();

        // closing one context keeps the connection for the other
        first.close();
        Queue q = second.createQueue(unique("after-first-closed"));
        second.createProducer().send(q, "still works");
        Message m = second.createConsumer(q).receive(RECEIVE_TIMEOUT);
        assertThat(m.getBody(String.class)).isEqualTo("still works");
        m.acknowledge();
        second.close();
    }

    @Test
    void withAutoStartOffNothingIsDeliveredUntilStart() throws Exception {
        JMSContext ctx = context();
        ctx.setAutoStart(false);
        assertThat(ctx.getAutoStart()).isFalse();
        Queue q = ctx.createQueue(unique("autostart"));
        JMSConsumer consumer = ctx.createConsumer(q);
        ctx.createProducer().send(q, "waiting");
        assertThat(consumer.receiveBody(String.class, ABSENT_TIMEOUT)).isNull();
        ctx.start();
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("waiting");
    }

    @Test
    void theClientIdCanBeSetOnlyBeforeTheContextIsUsed() throws Exception {
        JMSContext ctx = context();
        ctx.setClientID("context-id");
        assertThat(ctx.getClientID()).isEqualTo("context-id");
        assertThatThrownBy(() -> ctx.setClientID("other")).isInstanceOf(IllegalStateRuntimeException.class);

        JMSContext used = context();
        used.createProducer();
        assertThatThrownBy(() -> used.setClientID("late")).isInstanceOf(IllegalStateRuntimeException.class);

        JMSContext duplicate = context();
        assertThatThrownBy(() -> duplicate.setClientID("context-id"))
                .isInstanceOf(InvalidClientIDRuntimeException.class);
    }

    @Test
    void clientAcknowledgeThroughTheContext() throws Exception {
        JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE);
        Queue q = ctx.createQueue(unique("ctx-client-ack"));
        ctx.createProducer().send(q, "a").send(q, "b");
        JMSConsumer consumer = ctx.createConsumer(q);
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("a");
        ctx.acknowledge();
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("b");
        ctx.recover();
        Message again = consumer.receive(RECEIVE_TIMEOUT);
        assertThat(again.getBody(String.class)).isEqualTo("b");
        assertThat(again.getJMSRedelivered()).isTrue();
        ctx.acknowledge();
        ctx.close();
        assertThat(readyCount(q.getQueueName())).isZero();
    }

    @Test
    void contextMessageListenerAndMetadata() throws Exception {
        JMSContext ctx = context();
        assertThat(ctx.getMetaData().getJMSMajorVersion()).isEqualTo(3);
        Queue q = ctx.createQueue(unique("ctx-listener"));
        Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        JMSConsumer consumer = ctx.createConsumer(q);
        consumer.setMessageListener(m -> {
            try {
                seen.add(m.getBody(String.class));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(consumer.getMessageListener()).isNotNull();
        assertThatThrownBy(() -> consumer.receive(1)).isInstanceOf(IllegalStateRuntimeException.class);
        ctx.createProducer().send(q, "heard");
        org.awaitility.Awaitility.await().until(() -> seen.contains("heard"));
    }
}
