package io.warren.tck.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.warren.tck.support.ForeignMessages;
import io.warren.tck.support.TckSupport;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Specification section 6.2 "Sessions" and the {@code Session} / {@code Connection.createSession} javadoc. */
@DisplayName("6.2 Sessions")
class SessionTest extends TckSupport {

    // ------------------------------------------------------------ creating sessions

    @Test
    @DisplayName("Connection.createSession(): the session will be non-transacted and use AUTO_ACKNOWLEDGE")
    void defaultSessionIsAutoAcknowledge() throws Exception {
        Session session = connection().createSession();
        assertThat(session.getTransacted()).isFalse();
        assertThat(session.getAcknowledgeMode()).isEqualTo(Session.AUTO_ACKNOWLEDGE);
    }

    @ParameterizedTest(name = "Connection.createSession(int sessionMode): mode {0} is returned by getAcknowledgeMode and decides getTransacted")
    @ValueSource(ints = {Session.SESSION_TRANSACTED, Session.AUTO_ACKNOWLEDGE, Session.CLIENT_ACKNOWLEDGE, Session.DUPS_OK_ACKNOWLEDGE})
    void sessionModeIsReported(int mode) throws Exception {
        Session session = connection().createSession(mode);
        assertThat(session.getAcknowledgeMode()).isEqualTo(mode);
        assertThat(session.getTransacted()).isEqualTo(mode == Session.SESSION_TRANSACTED);
    }

    @ParameterizedTest(name = "Connection.createSession(false, {0}): a non-transacted session acknowledges with the given mode")
    @ValueSource(ints = {Session.AUTO_ACKNOWLEDGE, Session.CLIENT_ACKNOWLEDGE, Session.DUPS_OK_ACKNOWLEDGE})
    void nonTransactedSessionUsesAcknowledgeMode(int mode) throws Exception {
        Session session = connection().createSession(false, mode);
        assertThat(session.getTransacted()).isFalse();
        assertThat(session.getAcknowledgeMode()).isEqualTo(mode);
    }

    @Test
    @DisplayName("Connection.createSession(true, ..): if transacted is true the acknowledgeMode argument is ignored; getAcknowledgeMode returns SESSION_TRANSACTED")
    void transactedSessionIgnoresAcknowledgeMode() throws Exception {
        Session session = connection().createSession(true, Session.CLIENT_ACKNOWLEDGE);
        assertThat(session.getTransacted()).isTrue();
        assertThat(session.getAcknowledgeMode()).isEqualTo(Session.SESSION_TRANSACTED);
    }

    // ------------------------------------------------------------ transaction methods on the wrong kind of session

    @Test
    @DisplayName("10.3: IllegalStateException must be thrown if Session.commit() is called on a non-transacted session")
    void commitOnNonTransactedSessionThrowsIllegalState() throws Exception {
        Session session = connection().createSession();
        assertThatThrownBy(session::commit).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("Session.rollback: IllegalStateException if the method is not called by a transacted session")
    void rollbackOnNonTransactedSessionThrowsIllegalState() throws Exception {
        Session session = connection().createSession(Session.CLIENT_ACKNOWLEDGE);
        assertThatThrownBy(session::rollback).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("Session.recover: IllegalStateException if the method is called by a transacted session")
    void recoverOnTransactedSessionThrowsIllegalState() throws Exception {
        Session session = connection().createSession(Session.SESSION_TRANSACTED);
        assertThatThrownBy(session::recover).isInstanceOf(IllegalStateException.class);
    }

    // ------------------------------------------------------------ 6.2.15 closing a session

    static Stream<Arguments> sessionOperations() {
        return Stream.of(
                Arguments.of("createMessage()", (SessionCall) (s, d) -> s.createMessage()),
                Arguments.of("createTextMessage()", (SessionCall) (s, d) -> s.createTextMessage()),
                Arguments.of("createBytesMessage()", (SessionCall) (s, d) -> s.createBytesMessage()),
                Arguments.of("createMapMessage()", (SessionCall) (s, d) -> s.createMapMessage()),
                Arguments.of("createStreamMessage()", (SessionCall) (s, d) -> s.createStreamMessage()),
                Arguments.of("createObjectMessage()", (SessionCall) (s, d) -> s.createObjectMessage()),
                Arguments.of("createProducer(..)", (SessionCall) (s, d) -> s.createProducer(d)),
                Arguments.of("createConsumer(..)", (SessionCall) (s, d) -> s.createConsumer(d)),
                Arguments.of("createBrowser(..)", (SessionCall) (s, d) -> s.createBrowser(d)),
                Arguments.of("createTemporaryQueue()", (SessionCall) (s, d) -> s.createTemporaryQueue()),
                Arguments.of("createTemporaryTopic()", (SessionCall) (s, d) -> s.createTemporaryTopic()),
                Arguments.of("getAcknowledgeMode()", (SessionCall) (s, d) -> s.getAcknowledgeMode()),
                Arguments.of("getTransacted()", (SessionCall) (s, d) -> s.getTransacted()),
                Arguments.of("recover()", (SessionCall) (s, d) -> s.recover()));
    }

    @ParameterizedTest(name = "Session.close: invoking any other Session method ({0}) on a closed session must throw an IllegalStateException")
    @MethodSource("sessionOperations")
    void closedSessionThrowsIllegalState(String operation, SessionCall call) throws Exception {
        Queue queue = queue();
        Session session = connection().createSession(Session.CLIENT_ACKNOWLEDGE);
        session.close();
        assertThatThrownBy(() -> call.call(session, queue)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("6.2.15: once a session has been closed, an attempt to use its producers must throw an IllegalStateException")
    void producerOfClosedSessionThrowsIllegalState() throws Exception {
        Session session = connection().createSession();
        MessageProducer producer = session.createProducer(queue());
        Message message = session.createMessage();
        session.close();
        assertThatThrownBy(() -> producer.send(message)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("6.2.15: once a session has been closed, an attempt to use its consumers must throw an IllegalStateException")
    void consumerOfClosedSessionThrowsIllegalState() throws Exception {
        Session session = startedConnection().createSession();
        MessageConsumer consumer = session.createConsumer(queue());
        session.close();
        assertThatThrownBy(() -> consumer.receive(ABSENCE_TIMEOUT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("6.2.15: closing a closed session must NOT throw an exception")
    void closingClosedSessionDoesNotThrow() throws Exception {
        Session session = connection().createSession();
        session.close();
        assertThatCode(session::close).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("6.2.15: once a session has been closed, calls to the close method of its producers and consumers must be ignored")
    void closingProducersAndConsumersOfClosedSessionIsIgnored() throws Exception {
        Queue queue = queue();
        Session session = connection().createSession();
        MessageProducer producer = session.createProducer(queue);
        MessageConsumer consumer = session.createConsumer(queue);
        session.close();
        assertThatCode(() -> {
            producer.close();
            consumer.close();
        }).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("6.2.15: it is valid to continue to use message objects created or received via a closed session")
    void messagesOfClosedSessionRemainUsable() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "received");
        Session session = connection.createSession();
        TextMessage received = (TextMessage) receive(session.createConsumer(queue));
        TextMessage created = session.createTextMessage("created");
        session.close();
        assertThat(received.getText()).isEqualTo("received");
        created.setText("modified");
        assertThat(created.getText()).isEqualTo("modified");
        sendText(connection.createSession(), queue, created.getText());
    }

    @Test
    @DisplayName("6.2.15: session close must handle the shutdown of pending receives by the session's consumers (the receive returns)")
    void sessionCloseTerminatesPendingReceive() throws Exception {
        Session session = startedConnection().createSession();
        MessageConsumer consumer = session.createConsumer(queue());
        AtomicReference<Object> outcome = new AtomicReference<>("still receiving");
        Thread receiver = inThread("receiver", () -> {
            try {
                outcome.set(consumer.receive());
            } catch (Exception e) {
                outcome.set(e);
            }
        });
        await().atMost(Duration.ofMillis(RECEIVE_TIMEOUT))
                .until(() -> receiver.getState() == Thread.State.WAITING || receiver.getState() == Thread.State.TIMED_WAITING);
        session.close();
        receiver.join(RECEIVE_TIMEOUT);
        assertThat(receiver.isAlive()).isFalse();
        assertThat(outcome.get()).isNull();
    }

    @Test
    @DisplayName("6.2.15: closing a transacted session must roll back its transaction in progress (sent messages are discarded)")
    void closingTransactedSessionDiscardsSends() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        sendText(transacted, queue, "rolled back by close");
        transacted.close();
        assertNoMessage(connection.createSession().createConsumer(queue));
    }

    @Test
    @DisplayName("6.2.15: closing a transacted session must roll back its transaction in progress (consumed messages are redelivered)")
    void closingTransactedSessionRedeliversReceives() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "consumed then rolled back");
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        receive(transacted.createConsumer(queue));
        transacted.close();
        Message again = receive(connection.createSession().createConsumer(queue));
        assertThat(((TextMessage) again).getText()).isEqualTo("consumed then rolled back");
        assertThat(again.getJMSRedelivered()).isTrue();
    }

    @Test
    @DisplayName("6.2.15: closing a client-acknowledged session does NOT force an acknowledge")
    void closingClientAcknowledgeSessionDoesNotAcknowledge() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "not acknowledged");
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        receive(session.createConsumer(queue));
        session.close();
        Message again = receive(connection.createSession().createConsumer(queue));
        assertThat(again.getJMSRedelivered()).isTrue();
    }

    @Test
    @DisplayName("6.2: messages received from a queue but not acknowledged when a session terminates must be retained and redelivered")
    void unacknowledgedQueueMessagesAreRetained() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "a", "b", "c");
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        receive(consumer);
        receive(consumer);
        receive(consumer);
        session.close();
        MessageConsumer next = connection.createSession().createConsumer(queue);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            texts.add(receiveText(next));
        }
        assertThat(texts).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    @DisplayName("6.2.15: a listener closing its own session either throws IllegalStateException or succeeds, and then (AUTO_ACKNOWLEDGE) the message is still acknowledged")
    void listenerClosingItsOwnSession() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        CountDownLatch completed = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        session.createConsumer(queue).setMessageListener(m -> {
            try {
                session.close();
            } catch (Throwable e) {
                thrown.set(e);
            }
            completed.countDown();
        });
        sendTexts(connection, queue, "close from inside");
        assertThat(completed.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        if (thrown.get() != null) {
            assertThat(thrown.get()).isInstanceOf(IllegalStateException.class);
        } else {
            await().atMost(Duration.ofMillis(RECEIVE_TIMEOUT)).untilAsserted(
                    () -> assertThatThrownBy(session::getTransacted).isInstanceOf(IllegalStateException.class));
            assertNoMessage(connection.createSession().createConsumer(queue));
        }
    }

    // ------------------------------------------------------------ 6.2.3 / 6.2.4 destinations and messages

    @Test
    @DisplayName("6.2.3: a session creates a Queue object from a provider-specific name (getQueueName returns it)")
    void createQueueKeepsName() throws Exception {
        Session session = connection().createSession();
        String name = uniqueName();
        assertThat(session.createQueue(name).getQueueName()).isEqualTo(name);
    }

    @Test
    @DisplayName("6.2.3: a session creates a Topic object from a provider-specific name (getTopicName returns it)")
    void createTopicKeepsName() throws Exception {
        Session session = connection().createSession();
        String name = uniqueName();
        assertThat(session.createTopic(name).getTopicName()).isEqualTo(name);
    }

    static Stream<Arguments> messageFactories() {
        return Stream.of(
                Arguments.of("createMessage", (Factory) Session::createMessage, Message.class),
                Arguments.of("createTextMessage", (Factory) Session::createTextMessage, TextMessage.class),
                Arguments.of("createBytesMessage", (Factory) Session::createBytesMessage, BytesMessage.class),
                Arguments.of("createMapMessage", (Factory) Session::createMapMessage, MapMessage.class),
                Arguments.of("createStreamMessage", (Factory) Session::createStreamMessage, StreamMessage.class),
                Arguments.of("createObjectMessage", (Factory) Session::createObjectMessage, ObjectMessage.class));
    }

    @ParameterizedTest(name = "6.2.4: a session provides {0} to create messages of the corresponding type")
    @MethodSource("messageFactories")
    void sessionCreatesEachMessageType(String method, Factory factory, Class<?> type) throws Exception {
        Message message = factory.create(connection().createSession());
        assertThat(message).isInstanceOf(type);
    }

    @Test
    @DisplayName("6.2.4: messages may be sent using any session, not just the session used to create the message")
    void messageCreatedBySessionSentByAnother() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session creator = connection.createSession();
        Session sender = connection.createSession();
        TextMessage message = creator.createTextMessage("created elsewhere");
        sender.createProducer(queue).send(message);
        assertThat(receiveText(connection.createSession().createConsumer(queue))).isEqualTo("created elsewhere");
    }

    @Test
    @DisplayName("3.12: a provider must be prepared to accept, from a client, a message whose implementation is not one of its own")
    void foreignMessageImplementationIsSent() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        TextMessage foreign = ForeignMessages.text("foreign body");
        foreign.setStringProperty("origin", "elsewhere");
        foreign.setIntProperty("count", 3);
        session.createProducer(queue).send(foreign);
        assertThat(foreign.getJMSMessageID()).startsWith("ID:");
        assertThat(foreign.getJMSDestination()).isEqualTo(queue);
        TextMessage received = (TextMessage) receive(session.createConsumer(queue));
        assertThat(received.getText()).isEqualTo("foreign body");
        assertThat(received.getStringProperty("origin")).isEqualTo("elsewhere");
        assertThat(received.getIntProperty("count")).isEqualTo(3);
    }

    // ------------------------------------------------------------ 6.2.9 message order

    @Test
    @DisplayName("6.2.9.1: messages sent by a session to a queue must be received in the order in which they were sent")
    void queueOrderIsSendOrder() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        String[] texts = new String[50];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = "m" + i;
        }
        sendTexts(connection, queue, texts);
        MessageConsumer consumer = connection.createSession().createConsumer(queue);
        for (String text : texts) {
            assertThat(receiveText(consumer)).isEqualTo(text);
        }
    }

    @Test
    @DisplayName("6.2.9.1: messages sent by a session to a topic must be received by a subscriber in the order in which they were sent")
    void topicOrderIsSendOrder() throws Exception {
        Topic topic = topic();
        Connection connection = startedConnection();
        MessageConsumer subscriber = connection.createSession().createConsumer(topic);
        String[] texts = new String[50];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = "t" + i;
        }
        sendTexts(connection, topic, texts);
        for (String text : texts) {
            assertThat(receiveText(subscriber)).isEqualTo(text);
        }
    }

    @Test
    @DisplayName("6.2.9.2: a later NON_PERSISTENT message will never arrive ahead of an earlier NON_PERSISTENT message with the same priority")
    void nonPersistentOrderWithinPriority() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        MessageProducer producer = session.createProducer(queue);
        for (int i = 0; i < 20; i++) {
            producer.send(session.createTextMessage("p" + i),
                    i % 2 == 0 ? jakarta.jms.DeliveryMode.PERSISTENT : jakarta.jms.DeliveryMode.NON_PERSISTENT, 4, 0);
        }
        MessageConsumer consumer = session.createConsumer(queue);
        List<Integer> nonPersistent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Message message = receive(consumer);
            if (message.getJMSDeliveryMode() == jakarta.jms.DeliveryMode.NON_PERSISTENT) {
                nonPersistent.add(Integer.parseInt(((TextMessage) message).getText().substring(1)));
            }
        }
        assertThat(nonPersistent).hasSize(10).isSorted();
    }

    // ------------------------------------------------------------ 6.2.5 / 6.2.13 threading and serial execution

    @Test
    @DisplayName("6.2.13: a session serializes all asynchronous delivery: its listeners never run concurrently")
    void sessionSerializesListeners() throws Exception {
        Queue first = queue();
        Queue second = queue();
        Connection connection = connection();
        Session session = connection.createSession();
        AtomicInteger active = new AtomicInteger();
        AtomicInteger maxActive = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(40);
        jakarta.jms.MessageListener listener = m -> {
            int now = active.incrementAndGet();
            maxActive.accumulateAndGet(now, Math::max);
            Thread.onSpinWait();
            for (int i = 0; i < 10_000; i++) {
                Thread.onSpinWait();
            }
            active.decrementAndGet();
            all.countDown();
        };
        session.createConsumer(first).setMessageListener(listener);
        session.createConsumer(second).setMessageListener(listener);
        Connection sender = connection();
        String[] texts = new String[20];
        java.util.Arrays.fill(texts, "x");
        sendTexts(sender, first, texts);
        sendTexts(sender, second, texts);
        connection.start();
        assertThat(all.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(maxActive.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("6.2.5: the message producers of a session may be used by its consumers' message listeners")
    void listenerUsesSessionProducer() throws Exception {
        Queue requests = queue();
        Queue replies = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        MessageProducer replier = session.createProducer(replies);
        session.createConsumer(requests).setMessageListener(m -> {
            try {
                replier.send(session.createTextMessage("re: " + ((TextMessage) m).getText()));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        sendTexts(connection(), requests, "ping");
        assertThat(receiveText(connection.createSession().createConsumer(replies))).isEqualTo("re: ping");
    }

    @FunctionalInterface
    interface SessionCall {
        void call(Session session, Queue queue) throws Exception;
    }

    @FunctionalInterface
    interface Factory {
        Message create(Session session) throws Exception;
    }
}
