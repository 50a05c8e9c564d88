package io.warren.tck.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.warren.tck.support.TckSupport;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Chapter 8 "Receiving messages": synchronous receive, listeners, closing, queue and topic semantics of consumers. */
@DisplayName("8 Receiving messages: MessageConsumer")
class MessageConsumerTest extends TckSupport {

    private static boolean isWaiting(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    // ------------------------------------------------------------ 8.5 synchronous receive

    @Test
    @DisplayName("8.5: receive(long timeout) returns the next message produced for the consumer that arrives within the timeout")
    void receiveWithTimeoutReturnsMessage() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "within timeout");
        assertThat(receiveText(connection.createSession().createConsumer(queue))).isEqualTo("within timeout");
    }

    @Test
    @DisplayName("MessageConsumer.receive(long): returns null if the timeout expires")
    void receiveWithTimeoutReturnsNullWhenNothingArrives() throws Exception {
        MessageConsumer consumer = startedConnection().createSession().createConsumer(queue());
        long start = System.nanoTime();
        assertThat(consumer.receive(100)).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(90));
    }

    @Test
    @DisplayName("8.5: receiveNoWait returns the next message if one is immediately available, else null")
    void receiveNoWaitReturnsNullWhenEmpty() throws Exception {
        MessageConsumer consumer = startedConnection().createSession().createConsumer(queue());
        assertThat(consumer.receiveNoWait()).isNull();
    }

    @Test
    @DisplayName("8.5: receiveNoWait returns a message that is available")
    void receiveNoWaitReturnsAvailableMessage() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "available");
        MessageConsumer consumer = connection.createSession().createConsumer(queue);
        await().atMost(Duration.ofMillis(RECEIVE_TIMEOUT)).untilAsserted(() -> {
            Message message = consumer.receiveNoWait();
            assertThat(message).isNotNull();
            assertThat(((TextMessage) message).getText()).isEqualTo("available");
        });
    }

    @Test
    @DisplayName("MessageConsumer.receive(): this call blocks indefinitely until a message is produced")
    void receiveBlocksUntilMessageArrives() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        MessageConsumer consumer = connection.createSession().createConsumer(queue);
        AtomicReference<Message> received = new AtomicReference<>();
        Thread receiver = inThread("receiver", () -> received.set(consumer.receive()));
        await().atMost(Duration.ofMillis(RECEIVE_TIMEOUT)).until(() -> isWaiting(receiver));
        assertThat(received.get()).isNull();
        sendTexts(connection, queue, "finally");
        receiver.join(RECEIVE_TIMEOUT);
        assertThat(((TextMessage) received.get()).getText()).isEqualTo("finally");
    }

    @Test
    @DisplayName("MessageConsumer.receive(long): a timeout of zero never expires, and the call blocks indefinitely")
    void receiveZeroBlocksIndefinitely() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        MessageConsumer consumer = connection.createSession().createConsumer(queue);
        AtomicReference<Message> received = new AtomicReference<>();
        Thread receiver = inThread("receiver", () -> received.set(consumer.receive(0)));
        await().atMost(Duration.ofMillis(RECEIVE_TIMEOUT)).until(() -> isWaiting(receiver));
        receiver.join(ABSENCE_TIMEOUT);
        assertThat(receiver.isAlive()).as("receive(0) has not timed out").isTrue();
        sendTexts(connection, queue, "zero");
        receiver.join(RECEIVE_TIMEOUT);
        assertThat(((TextMessage) received.get()).getText()).isEqualTo("zero");
    }

    @Test
    @DisplayName("8.8: if close is called while another thread is calling receive on the same consumer, the blocked receive returns null")
    void closeReleasesBlockedReceive() throws Exception {
        MessageConsumer consumer = startedConnection().createSession().createConsumer(queue());
        AtomicReference<Object> outcome = new AtomicReference<>("still receiving");
        Thread receiver = inThread("receiver", () -> {
            try {
                outcome.set(consumer.receive());
            } catch (Exception e) {
                outcome.set(e);
            }
        });
        await().atMost(Duration.ofMillis(RECEIVE_TIMEOUT)).until(() -> isWaiting(receiver));
        consumer.close();
        receiver.join(RECEIVE_TIMEOUT);
        assertThat(receiver.isAlive()).isFalse();
        assertThat(outcome.get()).isNull();
    }

    @Test
    @DisplayName("8.8: close is the only consumer method that may be invoked from another thread; afterwards receive throws IllegalStateException")
    void receiveOnClosedConsumerThrowsIllegalState() throws Exception {
        MessageConsumer consumer = startedConnection().createSession().createConsumer(queue());
        consumer.close();
        assertThatThrownBy(() -> consumer.receive(ABSENCE_TIMEOUT)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(consumer::receiveNoWait).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("MessageConsumer.close: closing a closed consumer does not throw")
    void closingClosedConsumerDoesNotThrow() throws Exception {
        MessageConsumer consumer = connection().createSession().createConsumer(queue());
        consumer.close();
        assertThatCode(consumer::close).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("8.1: in all cases the destination from which the consumer will receive messages must be specified (null: InvalidDestinationException)")
    void createConsumerOnNullDestinationThrows() throws Exception {
        Session session = connection().createSession();
        assertThatThrownBy(() -> session.createConsumer(null)).isInstanceOf(InvalidDestinationException.class);
    }

    // ------------------------------------------------------------ 8.7 asynchronous receive

    @Test
    @DisplayName("8.7: as messages arrive for the consumer, the provider delivers them by calling the listener's onMessage method")
    void listenerReceivesMessagesInOrder() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        List<String> texts = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(10);
        connection.createSession().createConsumer(queue).setMessageListener(m -> {
            try {
                texts.add(((TextMessage) m).getText());
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
            all.countDown();
        });
        String[] sent = new String[10];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = "l" + i;
        }
        sendTexts(connection, queue, sent);
        assertThat(all.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(texts).containsExactly(sent);
    }

    @Test
    @DisplayName("MessageConsumer.getMessageListener: returns the listener set with setMessageListener")
    void getMessageListenerReturnsListener() throws Exception {
        MessageConsumer consumer = connection().createSession().createConsumer(queue());
        MessageListener listener = m -> { };
        consumer.setMessageListener(listener);
        assertThat(consumer.getMessageListener()).isSameAs(listener);
    }

    @Test
    @DisplayName("8.7: AUTO_ACKNOWLEDGE: a message whose listener threw a RuntimeException is immediately redelivered, with JMSRedelivered set and JMSXDeliveryCount incremented")
    void listenerExceptionRedeliversInAutoMode() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        List<Message> deliveries = new CopyOnWriteArrayList<>();
        CountDownLatch twice = new CountDownLatch(2);
        connection.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(queue).setMessageListener(m -> {
            deliveries.add(m);
            twice.countDown();
            if (deliveries.size() == 1) {
                throw new RuntimeException("listener failure on purpose");
            }
        });
        sendTexts(connection, queue, "retry me");
        assertThat(twice.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        Message second = deliveries.get(1);
        assertThat(((TextMessage) second).getText()).isEqualTo("retry me");
        assertThat(second.getJMSRedelivered()).isTrue();
        assertThat(second.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
    }

    @Test
    @DisplayName("8.7: CLIENT_ACKNOWLEDGE: after a listener's RuntimeException the next message for the listener is delivered")
    void listenerExceptionInClientModeDeliversNext() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "fails", "next");
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch two = new CountDownLatch(2);
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        session.createConsumer(queue).setMessageListener(m -> {
            try {
                seen.add(((TextMessage) m).getText());
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
            two.countDown();
            if (seen.size() == 1) {
                throw new RuntimeException("listener failure on purpose");
            }
        });
        assertThat(two.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(seen).containsExactly("fails", "next");
    }

    @Test
    @DisplayName("8.8: if close is called from a listener's onMessage on its own consumer, the onMessage method must be allowed to complete normally")
    void closeFromOwnListener() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        sendTexts(connection, queue, "first", "second");
        Session session = connection.createSession();
        MessageConsumer consumer = session.createConsumer(queue);
        CountDownLatch completed = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<String> seen = new CopyOnWriteArrayList<>();
        consumer.setMessageListener(m -> {
            try {
                seen.add(((TextMessage) m).getText());
                consumer.close();
                seen.add("after close");
            } catch (Throwable e) {
                failure.set(e);
            }
            completed.countDown();
        });
        assertThat(completed.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(failure.get()).isNull();
        assertThat(seen).containsExactly("first", "after close");
        assertThat(receiveText(connection.createSession().createConsumer(queue))).isEqualTo("second");
    }

    @Test
    @DisplayName("8.8: if close is called while a listener for the consumer is in progress in another thread, close must block until the listener has completed")
    void closeWaitsForListener() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        MessageConsumer consumer = connection.createSession().createConsumer(queue);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean listenerReturned = new AtomicBoolean();
        consumer.setMessageListener(m -> {
            entered.countDown();
            try {
                release.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listenerReturned.set(true);
        });
        sendTexts(connection, queue, "slow");
        assertThat(entered.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        AtomicBoolean returnedWhenCloseReturned = new AtomicBoolean();
        Thread closer = inThread("closer", () -> {
            consumer.close();
            returnedWhenCloseReturned.set(listenerReturned.get());
        });
        closer.join(ABSENCE_TIMEOUT);
        assertThat(closer.isAlive()).as("close() waits for the listener").isTrue();
        release.countDown();
        closer.join(RECEIVE_TIMEOUT);
        assertThat(returnedWhenCloseReturned).isTrue();
    }

    @Test
    @DisplayName("8.8: closing a consumer terminates the delivery of messages to the consumer")
    void closedConsumerGetsNoMoreMessages() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        MessageConsumer consumer = session.createConsumer(queue);
        List<Message> delivered = new CopyOnWriteArrayList<>();
        consumer.setMessageListener(delivered::add);
        consumer.close();
        sendTexts(connection, queue, "after close");
        assertThat(receiveText(connection.createSession().createConsumer(queue))).isEqualTo("after close");
        assertThat(delivered).isEmpty();
    }

    // ------------------------------------------------------------ 4.1.2 queue semantics / 4.2.2 topic semantics / 8.3.1

    @Test
    @DisplayName("4.1.2: a queue may have more than one consumer; each message in the queue is delivered to only one consumer")
    void queueMessageGoesToOneConsumer() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Set<String> seen = Collections.synchronizedSet(new HashSet<>());
        List<String> duplicates = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(40);
        MessageListener listener = m -> {
            try {
                if (!seen.add(((TextMessage) m).getText())) {
                    duplicates.add(((TextMessage) m).getText());
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
            all.countDown();
        };
        connection.createSession().createConsumer(queue).setMessageListener(listener);
        connection.createSession().createConsumer(queue).setMessageListener(listener);
        String[] texts = new String[40];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = "q" + i;
        }
        sendTexts(connection, queue, texts);
        assertThat(all.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(duplicates).isEmpty();
        assertThat(seen).hasSize(40);
    }

    @Test
    @DisplayName("8.3.1: each call to createConsumer creates a new (unshared non-durable) subscription; each receives every message")
    void eachTopicConsumerIsASubscription() throws Exception {
        Topic topic = topic();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        MessageConsumer one = session.createConsumer(topic);
        MessageConsumer two = session.createConsumer(topic);
        sendTexts(connection, topic, "x", "y");
        assertThat(List.of(receiveText(one), receiveText(one))).containsExactly("x", "y");
        assertThat(List.of(receiveText(two), receiveText(two))).containsExactly("x", "y");
    }

    @Test
    @DisplayName("4.2.2: a subscription receives every message sent to the topic after it is created, not messages sent before")
    void subscriptionGetsOnlyLaterMessages() throws Exception {
        Topic topic = topic();
        Connection connection = startedConnection();
        sendTexts(connection, topic, "before");
        MessageConsumer subscriber = connection.createSession().createConsumer(topic);
        sendTexts(connection, topic, "after");
        assertThat(receiveText(subscriber)).isEqualTo("after");
        assertNoMessage(subscriber);
    }

    @Test
    @DisplayName("8.3.1: an unshared non-durable subscription is deleted (with undelivered messages) when the consumer is closed")
    void nonDurableSubscriptionEndsWithConsumer() throws Exception {
        Topic topic = topic();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        MessageConsumer subscriber = session.createConsumer(topic);
        sendTexts(connection, topic, "undelivered");
        subscriber.close();
        sendTexts(connection, topic, "while nobody listens");
        MessageConsumer next = session.createConsumer(topic);
        assertNoMessage(next);
    }

    @Test
    @DisplayName("8.3.1: with noLocal, messages published to the topic by the consumer's own connection are not added to the subscription")
    void noLocalSkipsOwnConnection() throws Exception {
        Topic topic = topic();
        Connection connection = startedConnection();
        Connection other = startedConnection();
        MessageConsumer noLocal = connection.createSession().createConsumer(topic, null, true);
        sendTexts(connection, topic, "own");
        sendTexts(other, topic, "foreign");
        assertThat(receiveText(noLocal)).isEqualTo("foreign");
        assertNoMessage(noLocal);
    }

    @Test
    @DisplayName("8.3.1: without noLocal, a subscriber receives the messages published by its own connection")
    void withoutNoLocalOwnMessagesArrive() throws Exception {
        Topic topic = topic();
        Connection connection = startedConnection();
        MessageConsumer subscriber = connection.createSession().createConsumer(topic, null, false);
        sendTexts(connection, topic, "own");
        assertThat(receiveText(subscriber)).isEqualTo("own");
    }

    // ------------------------------------------------------------ domain-specific consumers

    @Test
    @DisplayName("8.2: QueueSession.createReceiver creates a QueueReceiver; getQueue returns its queue")
    void queueReceiver() throws Exception {
        Queue queue = queue();
        try (QueueConnection connection = queueFactory().createQueueConnection()) {
            connection.start();
            QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueReceiver receiver = session.createReceiver(queue);
            assertThat(receiver.getQueue()).isEqualTo(queue);
            session.createSender(queue).send(session.createTextMessage("received"));
            assertThat(receiveText(receiver)).isEqualTo("received");
        }
    }

    @Test
    @DisplayName("8.3.1: TopicSession.createSubscriber(topic, selector, noLocal) creates a TopicSubscriber; getTopic and getNoLocal report them")
    void topicSubscriber() throws Exception {
        Topic topic = topic();
        try (TopicConnection connection = topicFactory().createTopicConnection()) {
            connection.start();
            TopicSession session = connection.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
            TopicSubscriber subscriber = session.createSubscriber(topic, null, true);
            assertThat(subscriber.getTopic()).isEqualTo(topic);
            assertThat(subscriber.getNoLocal()).isTrue();
        }
    }

    @Test
    @DisplayName("4.1.2: consumers on the same queue in different connections share its messages without loss")
    void consumersInDifferentConnectionsShareQueue() throws Exception {
        Queue queue = queue();
        Connection producerConnection = startedConnection();
        MessageConsumer one = startedConnection().createSession().createConsumer(queue);
        MessageConsumer two = startedConnection().createSession().createConsumer(queue);
        String[] texts = {"s0", "s1", "s2", "s3", "s4", "s5"};
        sendTexts(producerConnection, queue, texts);
        List<String> seen = new ArrayList<>();
        await().atMost(Duration.ofMillis(RECEIVE_TIMEOUT)).until(() -> {
            for (MessageConsumer consumer : List.of(one, two)) {
                Message message = consumer.receiveNoWait();
                if (message != null) {
                    seen.add(((TextMessage) message).getText());
                }
            }
            return seen.size() >= texts.length;
        });
        assertThat(seen).containsExactlyInAnyOrder(texts);
    }
}
