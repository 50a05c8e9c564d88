package io.warren.tck.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.tck.support.TckSupport;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Section 6.2.7 "Transactions" and the commit/rollback javadoc of Session and JMSContext. */
@DisplayName("6.2.7 Transactions")
class TransactionTest extends TckSupport {

    @Test
    @DisplayName("6.2.7: messages produced in a transaction are not sent until the transaction commits")
    void sendsInvisibleUntilCommit() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        sendText(transacted, queue, "pending");
        MessageConsumer consumer = connection.createSession().createConsumer(queue);
        assertNoMessage(consumer);
        transacted.commit();
        assertThat(receiveText(consumer)).isEqualTo("pending");
    }

    @Test
    @DisplayName("6.2.7: if a transaction rollback is done, its produced messages are destroyed")
    void rollbackDestroysSends() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        sendText(transacted, queue, "destroyed");
        transacted.rollback();
        transacted.commit();
        assertNoMessage(connection.createSession().createConsumer(queue));
    }

    @Test
    @DisplayName("6.2.7: when a transaction commits, its atomic unit of input is acknowledged")
    void commitAcknowledgesReceives() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "consumed");
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        assertThat(receiveText(transacted.createConsumer(queue))).isEqualTo("consumed");
        transacted.commit();
        transacted.close();
        assertNoMessage(connection.createSession().createConsumer(queue));
    }

    @Test
    @DisplayName("6.2.7: if a transaction rollback is done, its consumed messages are automatically recovered (JMSRedelivered, JMSXDeliveryCount 2)")
    void rollbackRecoversReceives() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "recovered");
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        MessageConsumer consumer = transacted.createConsumer(queue);
        Message first = receive(consumer);
        assertThat(first.getJMSRedelivered()).isFalse();
        transacted.rollback();
        Message again = receive(consumer);
        assertThat(((TextMessage) again).getText()).isEqualTo("recovered");
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        transacted.commit();
    }

    @Test
    @DisplayName("6.2.7: each transaction groups produced and consumed messages into an atomic unit (commit sends the output and acknowledges the input)")
    void consumeAndProduceAtomically() throws Exception {
        Queue in = queue();
        Queue out = queue();
        Connection connection = startedConnection();
        sendTexts(connection, in, "request");
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        MessageConsumer consumer = transacted.createConsumer(in);
        MessageProducer producer = transacted.createProducer(out);
        producer.send(transacted.createTextMessage("result of " + receiveText(consumer)));
        transacted.rollback();
        producer.send(transacted.createTextMessage("result of " + receiveText(consumer)));
        transacted.commit();
        MessageConsumer results = connection.createSession().createConsumer(out);
        assertThat(receiveText(results)).isEqualTo("result of request");
        assertNoMessage(results);
        assertNoMessage(connection.createSession().createConsumer(in));
    }

    @Test
    @DisplayName("6.2.7: the completion of a session's current transaction automatically begins the next")
    void completionBeginsNextTransaction() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        MessageProducer producer = transacted.createProducer(queue);
        producer.send(transacted.createTextMessage("first"));
        transacted.commit();
        producer.send(transacted.createTextMessage("second"));
        transacted.rollback();
        producer.send(transacted.createTextMessage("third"));
        transacted.commit();
        MessageConsumer consumer = connection.createSession().createConsumer(queue);
        assertThat(receiveText(consumer)).isEqualTo("first");
        assertThat(receiveText(consumer)).isEqualTo("third");
        assertNoMessage(consumer);
    }

    @Test
    @DisplayName("6.2.9.2: a transaction's order of messages to a particular destination is significant (kept on commit)")
    void transactionKeepsSendOrder() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        MessageProducer producer = transacted.createProducer(queue);
        for (int i = 0; i < 10; i++) {
            producer.send(transacted.createTextMessage("t" + i));
        }
        transacted.commit();
        MessageConsumer consumer = connection.createSession().createConsumer(queue);
        for (int i = 0; i < 10; i++) {
            assertThat(receiveText(consumer)).isEqualTo("t" + i);
        }
    }

    @Test
    @DisplayName("6.2.7: a transaction spans the session's producers to several destinations (rollback discards all of them)")
    void transactionSpansDestinations() throws Exception {
        Queue queue = queue();
        Topic topic = topic();
        Connection connection = startedConnection();
        MessageConsumer subscriber = connection.createSession().createConsumer(topic);
        MessageConsumer queueConsumer = connection.createSession().createConsumer(queue);
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        sendText(transacted, queue, "to queue");
        sendText(transacted, topic, "to topic");
        transacted.rollback();
        assertNoMessage(subscriber);
        assertNoMessage(queueConsumer);
        sendText(transacted, queue, "to queue");
        sendText(transacted, topic, "to topic");
        transacted.commit();
        assertThat(receiveText(subscriber)).isEqualTo("to topic");
        assertThat(receiveText(queueConsumer)).isEqualTo("to queue");
    }

    @Test
    @DisplayName("Message.acknowledge: calls to acknowledge are ignored for transacted sessions")
    void acknowledgeIgnoredInTransaction() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "tx");
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        MessageConsumer consumer = transacted.createConsumer(queue);
        Message message = receive(consumer);
        assertThatCode(message::acknowledge).doesNotThrowAnyException();
        transacted.rollback();
        assertThat(receive(consumer).getJMSRedelivered()).isTrue();
        transacted.commit();
    }

    @Test
    @DisplayName("8.7: in a transacted session a listener's RuntimeException does not roll back the session; the next message is delivered")
    void listenerExceptionDoesNotRollBack() throws Exception {
        Queue queue = queue();
        Connection connection = connection();
        sendTexts(connection, queue, "boom", "next");
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        List<String> seen = new ArrayList<>();
        CountDownLatch twoDeliveries = new CountDownLatch(2);
        transacted.createConsumer(queue).setMessageListener(m -> {
            try {
                String text = ((TextMessage) m).getText();
                seen.add(text + (m.getJMSRedelivered() ? " (redelivered)" : ""));
                twoDeliveries.countDown();
                if (text.equals("boom")) {
                    throw new RuntimeException("listener failure on purpose");
                }
                transacted.commit();
            } catch (jakarta.jms.JMSException e) {
                throw new RuntimeException(e);
            }
        });
        connection.start();
        assertThat(twoDeliveries.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        connection.stop();
        assertThat(seen).containsExactly("boom", "next");
        assertNoMessage(startedConnection().createSession().createConsumer(queue));
    }

    @Test
    @DisplayName("6.2.7: rollback called from a listener of a transacted session recovers the consumed message, redelivered to the listener")
    void rollbackFromListener() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        List<Boolean> redeliveredFlags = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch twice = new CountDownLatch(2);
        transacted.createConsumer(queue).setMessageListener(m -> {
            try {
                redeliveredFlags.add(m.getJMSRedelivered());
                twice.countDown();
                if (redeliveredFlags.size() == 1) {
                    transacted.rollback();
                } else {
                    transacted.commit();
                }
            } catch (jakarta.jms.JMSException e) {
                throw new RuntimeException(e);
            }
        });
        sendTexts(connection, queue, "roll me back");
        assertThat(twice.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(redeliveredFlags).startsWith(false, true);
    }

    @Test
    @DisplayName("8.8: closing a consumer has no effect on a transaction in progress: the transaction may be committed after the consumer is closed")
    void commitAfterConsumerClose() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "closed consumer");
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        MessageConsumer consumer = transacted.createConsumer(queue);
        receive(consumer);
        consumer.close();
        transacted.commit();
        transacted.close();
        assertNoMessage(connection.createSession().createConsumer(queue));
    }

    // ------------------------------------------------------------ JMSContext

    @Test
    @DisplayName("JMSContext.commit: commits all messages done in this transaction (SESSION_TRANSACTED context)")
    void contextCommit() {
        Queue queue = queue();
        JMSContext transacted = context(JMSContext.SESSION_TRANSACTED);
        assertThat(transacted.getTransacted()).isTrue();
        transacted.createProducer().send(queue, "context tx");
        JMSConsumer consumer = context().createConsumer(queue);
        assertNoMessage(consumer);
        transacted.commit();
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("context tx");
    }

    @Test
    @DisplayName("JMSContext.rollback: rolls back any messages done in this transaction; consumed messages are redelivered")
    void contextRollback() throws Exception {
        Queue queue = queue();
        JMSContext transacted = context(JMSContext.SESSION_TRANSACTED);
        transacted.createProducer().send(queue, "dropped");
        transacted.rollback();
        transacted.createProducer().send(queue, "kept");
        transacted.commit();
        JMSConsumer consumer = transacted.createConsumer(queue);
        assertThat(receive(consumer).getBody(String.class)).isEqualTo("kept");
        transacted.rollback();
        Message again = receive(consumer);
        assertThat(again.getBody(String.class)).isEqualTo("kept");
        assertThat(again.getJMSRedelivered()).isTrue();
        transacted.commit();
    }

    @Test
    @DisplayName("JMSContext.commit: IllegalStateRuntimeException if the method is not called by a transacted session")
    void contextCommitWhenNotTransactedThrows() {
        JMSContext context = context();
        assertThatThrownBy(context::commit).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    @DisplayName("JMSContext.rollback: IllegalStateRuntimeException if the method is not called by a transacted session")
    void contextRollbackWhenNotTransactedThrows() {
        JMSContext context = context(JMSContext.CLIENT_ACKNOWLEDGE);
        assertThatThrownBy(context::rollback).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    @DisplayName("JMSContext.recover: IllegalStateRuntimeException if the method is called by a transacted session")
    void contextRecoverWhenTransactedThrows() {
        JMSContext context = context(JMSContext.SESSION_TRANSACTED);
        assertThatThrownBy(context::recover).isInstanceOf(IllegalStateRuntimeException.class);
    }
}
