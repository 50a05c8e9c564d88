package io.warren.tck.acknowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.warren.tck.support.TckSupport;
import jakarta.jms.Connection;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Section 6.2.10 "Message acknowledgment", 3.6, 6.2.11, 3.10 and the {@code Session.recover} javadoc. */
@DisplayName("6.2.10 Message acknowledgment")
class AcknowledgementTest extends TckSupport {

    private static List<String> drainTexts(MessageConsumer consumer, int count) throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add(receiveText(consumer));
        }
        return texts;
    }

    @Test
    @DisplayName("6.2.10: AUTO_ACKNOWLEDGE: the session acknowledges a message when it has successfully returned from receive")
    void autoAcknowledgeOnReceive() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "auto");
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        assertThat(receiveText(session.createConsumer(queue))).isEqualTo("auto");
        session.close();
        assertNoMessage(connection.createSession().createConsumer(queue));
    }

    @Test
    @DisplayName("6.2.10: AUTO_ACKNOWLEDGE: the session acknowledges a message when the message listener it called successfully returns")
    void autoAcknowledgeAfterListener() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "auto listener");
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        CountDownLatch done = new CountDownLatch(1);
        session.createConsumer(queue).setMessageListener(m -> done.countDown());
        assertThat(done.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        session.close();
        assertNoMessage(connection.createSession().createConsumer(queue));
    }

    @Test
    @DisplayName("6.2.10: DUPS_OK_ACKNOWLEDGE lazily acknowledges; messages are delivered and, once the session is closed, not lost")
    void dupsOkDelivers() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "1", "2", "3");
        Session session = connection.createSession(Session.DUPS_OK_ACKNOWLEDGE);
        assertThat(drainTexts(session.createConsumer(queue), 3)).containsExactly("1", "2", "3");
    }

    @Test
    @DisplayName("3.6: if a client uses automatic acknowledgment, calls to acknowledge are ignored")
    void acknowledgeIgnoredInAutoMode() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "auto");
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        Message message = receive(session.createConsumer(queue));
        assertThatCode(message::acknowledge).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("6.2.10: CLIENT_ACKNOWLEDGE: a client acknowledges a message by calling the message's acknowledge method")
    void clientAcknowledgeRemovesMessage() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "client");
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        receive(session.createConsumer(queue)).acknowledge();
        session.close();
        assertNoMessage(connection.createSession().createConsumer(queue));
    }

    @Test
    @DisplayName("6.2.10: acknowledging a consumed message automatically acknowledges all messages delivered by its session")
    void acknowledgeCoversAllDeliveredMessagesOfTheSession() throws Exception {
        Queue first = queue();
        Queue second = queue();
        Connection connection = startedConnection();
        sendTexts(connection, first, "a1", "a2");
        sendTexts(connection, second, "b1");
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer one = session.createConsumer(first);
        MessageConsumer two = session.createConsumer(second);
        Message a1 = receive(one);
        receive(one);
        receive(two);
        a1.acknowledge();
        session.recover();
        assertNoMessage(one);
        assertNoMessage(two);
    }

    @Test
    @DisplayName("6.2.10: recover restarts the session with its first unacknowledged message; redelivered messages are marked")
    void recoverRedeliversUnacknowledgedMessages() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "r1", "r2", "r3");
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        assertThat(drainTexts(consumer, 3)).containsExactly("r1", "r2", "r3");
        session.recover();
        List<Message> again = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            again.add(receive(consumer));
        }
        List<String> texts = new ArrayList<>();
        for (Message message : again) {
            texts.add(((TextMessage) message).getText());
            assertThat(message.getJMSRedelivered()).isTrue();
        }
        assertThat(texts).containsExactlyInAnyOrder("r1", "r2", "r3");
    }

    @Test
    @DisplayName("6.2.10: a session must set JMSRedelivered and increment JMSXDeliveryCount of messages it redelivers due to a recovery")
    void recoverIncrementsDeliveryCount() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "count me");
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        assertThat(receive(consumer).getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        session.recover();
        Message second = receive(consumer);
        assertThat(second.getJMSRedelivered()).isTrue();
        assertThat(second.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        session.recover();
        assertThat(receive(consumer).getIntProperty("JMSXDeliveryCount")).isEqualTo(3);
    }

    @Test
    @DisplayName("6.2.10: recover called from a listener of a CLIENT_ACKNOWLEDGE session redelivers the message to the listener, marked redelivered")
    void recoverFromListener() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        List<Boolean> redeliveredFlags = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch twice = new CountDownLatch(2);
        session.createConsumer(queue).setMessageListener(m -> {
            try {
                redeliveredFlags.add(m.getJMSRedelivered());
                twice.countDown();
                if (redeliveredFlags.size() == 1) {
                    session.recover();
                } else {
                    m.acknowledge();
                }
            } catch (jakarta.jms.JMSException e) {
                throw new RuntimeException(e);
            }
        });
        sendTexts(connection, queue, "recover me");
        assertThat(twice.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(redeliveredFlags).startsWith(false, true);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {Session.AUTO_ACKNOWLEDGE, Session.DUPS_OK_ACKNOWLEDGE})
    @DisplayName("6.2.10: recover called from a listener of an AUTO or DUPS_OK session redelivers the message being processed, marked redelivered, and only that one")
    void recoverFromListenerInAutomaticModes(int mode) throws Exception {
        Queue queue = queue();
        Connection connection = connection();
        Session session = connection.createSession(mode);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch redelivered = new CountDownLatch(1);
        MessageConsumer consumer = session.createConsumer(queue);
        consumer.setMessageListener(m -> {
            try {
                String text = ((TextMessage) m).getText();
                seen.add(text + (m.getJMSRedelivered() ? "(redelivered)" : ""));
                if (text.equals("second") && !m.getJMSRedelivered()) {
                    session.recover();
                } else if (text.equals("second")) {
                    redelivered.countDown();
                }
            } catch (jakarta.jms.JMSException e) {
                throw new RuntimeException(e);
            }
        });
        sendTexts(connection, queue, "first", "second");
        connection.start();
        assertThat(redelivered.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).as("seen %s", seen).isTrue();
        consumer.close();
        assertThat(seen).containsExactly("first", "second", "second(redelivered)");
        MessageConsumer after = session.createConsumer(queue);
        assertThat(after.receive(ABSENCE_TIMEOUT)).as("nothing left once the redelivery was acknowledged").isNull();
    }

    @Test
    @DisplayName("6.2.10: recover resets the series of delivered messages to the point after its last acknowledged message")
    void recoverDoesNotRedeliverAcknowledgedMessages() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "acked", "pending");
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        receive(consumer).acknowledge();
        assertThat(receiveText(consumer)).isEqualTo("pending");
        session.recover();
        assertThat(receiveText(consumer)).isEqualTo("pending");
        assertNoMessage(consumer);
    }

    @Test
    @DisplayName("3.5.11: if the JMSRedelivered message header value is set then the JMSXDeliveryCount property must always be 2 or more")
    void redeliveredImpliesDeliveryCountAtLeastTwo() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "x");
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        receive(session.createConsumer(queue));
        session.close();
        Message again = receive(connection.createSession().createConsumer(queue));
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isGreaterThanOrEqualTo(2);
    }

    @Test
    @DisplayName("3.10: a redelivered message must be the original, unmodified message even if the consumer modified it after clearBody/clearProperties")
    void redeliveredMessageIsTheOriginal() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session sender = connection.createSession();
        TextMessage original = sender.createTextMessage("original body");
        original.setStringProperty("p", "original property");
        sender.createProducer(queue).send(original);
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        TextMessage received = (TextMessage) receive(consumer);
        received.clearBody();
        received.setText("modified body");
        received.clearProperties();
        received.setStringProperty("p", "modified property");
        session.recover();
        TextMessage again = (TextMessage) receive(consumer);
        assertThat(again.getText()).isEqualTo("original body");
        assertThat(again.getStringProperty("p")).isEqualTo("original property");
    }

    @Test
    @DisplayName("6.2.11: a Jakarta Messaging provider must never deliver a second copy of an acknowledged message")
    void acknowledgedMessagesAreNeverRedelivered() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        String[] texts = new String[20];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = "m" + i;
        }
        sendTexts(connection, queue, texts);
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        Message last = null;
        for (int i = 0; i < 10; i++) {
            last = receive(consumer);
        }
        last.acknowledge();
        session.close();
        MessageConsumer next = connection.createSession().createConsumer(queue);
        List<String> rest = drainTexts(next, 10);
        assertThat(rest).containsExactlyInAnyOrder(java.util.Arrays.copyOfRange(texts, 10, 20));
        assertNoMessage(next);
    }

    @Test
    @DisplayName("8.8: closing a consumer has no effect on acknowledgement: in CLIENT_ACKNOWLEDGE, acknowledge may be called after the consumer is closed")
    void acknowledgeAfterConsumerClose() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "closed consumer");
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        Message message = receive(consumer);
        consumer.close();
        message.acknowledge();
        session.close();
        assertNoMessage(connection.createSession().createConsumer(queue));
    }

    @Test
    @DisplayName("8.8: closing a consumer has no effect on acknowledgement: unacknowledged messages of a closed consumer are recovered by recover")
    void closingConsumerDoesNotAcknowledge() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "not acked");
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(queue);
        receive(consumer);
        consumer.close();
        session.recover();
        Message again = receive(session.createConsumer(queue));
        assertThat(again.getJMSRedelivered()).isTrue();
    }

    @Test
    @DisplayName("4.2.2: each copy of a topic message is a separate message: acknowledging one does not acknowledge any other")
    void topicCopiesAreAcknowledgedSeparately() throws Exception {
        jakarta.jms.Topic topic = topic();
        Connection connection = startedConnection();
        Session first = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        Session second = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer one = first.createConsumer(topic);
        MessageConsumer two = second.createConsumer(topic);
        sendTexts(connection, topic, "copy");
        receive(one).acknowledge();
        receive(two);
        second.recover();
        Message again = receive(two);
        assertThat(again.getJMSRedelivered()).isTrue();
        first.recover();
        assertNoMessage(one);
    }

    @Test
    @DisplayName("JMSContext.acknowledge: acknowledges all messages consumed by the JMSContext's session (CLIENT_ACKNOWLEDGE)")
    void contextAcknowledge() {
        Queue queue = queue();
        JMSContext context = context(JMSContext.CLIENT_ACKNOWLEDGE);
        context.createProducer().send(queue, "one").send(queue, "two");
        JMSConsumer consumer = context.createConsumer(queue);
        receive(consumer);
        receive(consumer);
        context.acknowledge();
        context.recover();
        assertNoMessage(consumer);
    }

    @Test
    @DisplayName("JMSContext.recover: unacknowledged messages of a CLIENT_ACKNOWLEDGE context are redelivered with JMSRedelivered set")
    void contextRecover() throws Exception {
        Queue queue = queue();
        JMSContext context = context(JMSContext.CLIENT_ACKNOWLEDGE);
        context.createProducer().send(queue, "again");
        JMSConsumer consumer = context.createConsumer(queue);
        receive(consumer);
        context.recover();
        Message again = receive(consumer);
        assertThat(again.getBody(String.class)).isEqualTo("again");
        assertThat(again.getJMSRedelivered()).isTrue();
    }
}
