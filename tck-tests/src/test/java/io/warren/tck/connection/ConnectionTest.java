package io.warren.tck.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.warren.tck.support.TckSupport;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TopicConnection;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Specification section 6.1 "Connections" and the {@code Connection} javadoc. */
@DisplayName("6.1 Connections")
class ConnectionTest extends TckSupport {

    // ------------------------------------------------------------ 6.1.1 / 6.1 creating connections

    @Test
    @DisplayName("6.1.1: When creating a connection, a client may specify its credentials as name/password")
    void createConnectionWithCredentials() throws Exception {
        Queue queue = queue();
        try (Connection connection = factory().createConnection("tck-user", "tck-password")) {
            connection.start();
            Session session = connection.createSession();
            sendText(session, queue, "with credentials");
            assertThat(receiveText(session.createConsumer(queue))).isEqualTo("with credentials");
        }
    }

    @Test
    @DisplayName("6.1.1: a connection with credentials the provider does not accept fails with JMSSecurityException")
    void createConnectionWithWrongCredentialsThrowsSecurityException() throws Exception {
        assertThatThrownBy(() -> factory().createConnection("tck-user", "not-the-password"))
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> factory().createConnection("no-such-user", "tck-password"))
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> queueFactory().createQueueConnection("tck-user", "not-the-password"))
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> topicFactory().createTopicConnection("tck-user", "not-the-password"))
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> factory().createContext("tck-user", "not-the-password"))
                .isInstanceOf(JMSSecurityRuntimeException.class);
        try (Connection connection = factory().createConnection()) {
            assertThat(connection.createSession()).isNotNull();
        }
    }

    @Test
    @DisplayName("6.1: the point-to-point API creates a QueueConnection using createQueueConnection() on QueueConnectionFactory")
    void queueConnectionFactoryCreatesQueueConnection() throws Exception {
        try (QueueConnection connection = queueFactory().createQueueConnection()) {
            assertThat(connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE)).isNotNull();
        }
    }

    @Test
    @DisplayName("6.1: the pub/sub API creates a TopicConnection using createTopicConnection() on TopicConnectionFactory")
    void topicConnectionFactoryCreatesTopicConnection() throws Exception {
        try (TopicConnection connection = topicFactory().createTopicConnection()) {
            assertThat(connection.createTopicSession(false, Session.AUTO_ACKNOWLEDGE)).isNotNull();
        }
    }

    @Test
    @DisplayName("2.12.1: a client uses JNDI to find a ConnectionFactory and Destinations, then sends and consumes")
    void administeredDestinationFromJndiCarriesMessages() throws Exception {
        Queue queue = adminQueue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        MessageConsumer consumer = session.createConsumer(queue);
        while (consumer.receive(ABSENCE_TIMEOUT) != null) {
            // drain what an earlier run of this test may have left
        }
        sendText(session, queue, "administered");
        assertThat(receiveText(consumer)).isEqualTo("administered");
    }

    // ------------------------------------------------------------ 6.1.2 client identifier

    @Test
    @DisplayName("6.1.2: the client identifier configured in a client-specific ConnectionFactory is transparently assigned to the connection")
    void administeredClientIdIsAssigned() throws Exception {
        try (Connection connection = durableFactory().createConnection()) {
            assertThat(connection.getClientID()).isEqualTo("tck-client");
        }
    }

    @Test
    @DisplayName("6.1.2: a client may set a connection's client identifier immediately after creating it")
    void setClientIdImmediatelyAfterCreation() throws Exception {
        Connection connection = connection();
        String id = uniqueName();
        connection.setClientID(id);
        assertThat(connection.getClientID()).isEqualTo(id);
    }

    @Test
    @DisplayName("6.1.2: if an administratively configured identifier exists, an attempt to change it must throw an IllegalStateException")
    void setClientIdWhenAdministrativelyConfiguredThrowsIllegalState() throws Exception {
        try (Connection connection = durableFactory().createConnection()) {
            assertThatThrownBy(() -> connection.setClientID("other")).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    @DisplayName("6.1.2: after another action on the connection (createSession), setting the client identifier should throw an IllegalStateException")
    void setClientIdAfterCreateSessionThrowsIllegalState() throws Exception {
        Connection connection = connection();
        connection.createSession();
        assertThatThrownBy(() -> connection.setClientID(uniqueName())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("6.1.2: after another action on the connection (start), setting the client identifier should throw an IllegalStateException")
    void setClientIdAfterStartThrowsIllegalState() throws Exception {
        Connection connection = connection();
        connection.start();
        assertThatThrownBy(() -> connection.setClientID(uniqueName())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("Connection.setClientID: if another connection with the same clientID is already running, the provider should throw an InvalidClientIDException")
    void duplicateClientIdThrowsInvalidClientId() throws Exception {
        String id = uniqueName();
        Connection first = connection();
        first.setClientID(id);
        first.start();
        Connection second = connection();
        assertThatThrownBy(() -> second.setClientID(id)).isInstanceOf(InvalidClientIDException.class);
    }

    // ------------------------------------------------------------ 6.1.4 starting a connection

    @Test
    @DisplayName("6.1.4: when a Connection is created it is in stopped mode: no messages are being delivered to it")
    void newConnectionIsStoppedForSynchronousReceive() throws Exception {
        Queue queue = queue();
        sendTexts(connection(), queue, "waiting");
        Connection connection = connection();
        MessageConsumer consumer = connection.createSession().createConsumer(queue);
        assertNoMessage(consumer);
        connection.start();
        assertThat(receiveText(consumer)).isEqualTo("waiting");
    }

    @Test
    @DisplayName("6.1.4: no messages will be delivered to a consumer (listener) until its connection has been started")
    void listenerNotCalledBeforeStart() throws Exception {
        Queue queue = queue();
        sendTexts(connection(), queue, "early");
        Connection connection = connection();
        CountDownLatch delivered = new CountDownLatch(1);
        connection.createSession().createConsumer(queue).setMessageListener(m -> delivered.countDown());
        assertThat(delivered.await(ABSENCE_TIMEOUT, TimeUnit.MILLISECONDS)).isFalse();
        connection.start();
        assertThat(delivered.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    @DisplayName("6.1.4: a connection may be used to send messages irrespective of whether it is started or stopped")
    void stoppedConnectionCanSend() throws Exception {
        Queue queue = queue();
        Connection sender = connection();
        sendText(sender.createSession(), queue, "from a stopped connection");
        Connection receiver = startedConnection();
        assertThat(receiveText(receiver.createSession().createConsumer(queue))).isEqualTo("from a stopped connection");
    }

    // ------------------------------------------------------------ 6.1.5 pausing delivery

    @Test
    @DisplayName("6.1.5: when stopped, delivery to all the connection's consumers is inhibited: synchronous receives block")
    void stopInhibitsSynchronousReceive() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        MessageConsumer consumer = session.createConsumer(queue);
        connection.stop();
        sendText(session, queue, "held");
        assertNoMessage(consumer);
        connection.start();
        assertThat(receiveText(consumer)).isEqualTo("held");
    }

    @Test
    @DisplayName("6.1.5: when stopped, messages are not delivered to any message listeners; start restarts delivery")
    void stopInhibitsListeners() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        CountDownLatch delivered = new CountDownLatch(1);
        connection.stop();
        session.createConsumer(queue).setMessageListener(m -> delivered.countDown());
        sendTexts(connection(), queue, "held");
        assertThat(delivered.await(ABSENCE_TIMEOUT, TimeUnit.MILLISECONDS)).isFalse();
        connection.start();
        assertThat(delivered.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    @DisplayName("6.1.5: the receive timers for a stopped connection continue to advance, so receives may time out and return null")
    void receiveTimesOutWhileStopped() throws Exception {
        Queue queue = queue();
        Connection connection = connection();
        MessageConsumer consumer = connection.createSession().createConsumer(queue);
        sendTexts(connection(), queue, "present but not deliverable");
        long start = System.nanoTime();
        assertThat(consumer.receive(200)).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(RECEIVE_TIMEOUT));
    }

    @Test
    @DisplayName("6.1.5: stopping a stopped connection is ignored")
    void stoppingStoppedConnectionIsIgnored() throws Exception {
        Queue queue = queue();
        Connection connection = connection();
        connection.stop();
        connection.stop();
        MessageConsumer consumer = connection.createSession().createConsumer(queue);
        sendTexts(connection, queue, "after double stop");
        connection.start();
        assertThat(receiveText(consumer)).isEqualTo("after double stop");
    }

    @Test
    @DisplayName("6.1.5: starting a started connection is ignored")
    void startingStartedConnectionIsIgnored() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        connection.start();
        MessageConsumer consumer = connection.createSession().createConsumer(queue);
        connection.start();
        sendTexts(connection, queue, "after double start");
        assertThat(receiveText(consumer)).isEqualTo("after double start");
    }

    @Test
    @DisplayName("6.1.5: stopping a connection has no effect on its ability to send messages")
    void stoppedStartedConnectionStillSends() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        connection.stop();
        sendTexts(connection, queue, "sent while stopped");
        assertThat(receiveText(startedConnection().createSession().createConsumer(queue))).isEqualTo("sent while stopped");
    }

    @Test
    @DisplayName("6.1.4: a consumer of a connection that was never started takes no messages: a consumer of a started connection on the same queue receives every one")
    void neverStartedConsumerTakesNoMessages() throws Exception {
        Queue queue = queue();
        MessageConsumer idle = connection().createSession().createConsumer(queue);
        MessageConsumer active = startedConnection().createSession().createConsumer(queue);
        sendTexts(connection(), queue, "m1", "m2", "m3", "m4", "m5", "m6");
        for (String expected : List.of("m1", "m2", "m3", "m4", "m5", "m6")) {
            assertThat(receiveText(active)).isEqualTo(expected);
        }
        assertThat(idle.receiveNoWait()).isNull();
    }

    @Test
    @DisplayName("6.1.4: a listener of a started connection receives every message although a consumer of a never started connection shares its queue")
    void neverStartedConsumerLeavesMessagesToListener() throws Exception {
        Queue queue = queue();
        connection().createSession().createConsumer(queue);
        List<String> received = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(4);
        Connection started = startedConnection();
        started.createSession().createConsumer(queue).setMessageListener(m -> {
            try {
                received.add(((TextMessage) m).getText());
            } catch (jakarta.jms.JMSException e) {
                throw new RuntimeException(e);
            }
            all.countDown();
        });
        sendTexts(started, queue, "m1", "m2", "m3", "m4");
        assertThat(all.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).as("received %s", received).isTrue();
        assertThat(received).containsExactly("m1", "m2", "m3", "m4");
    }

    @Test
    @DisplayName("6.1.5: once stopped, a connection's consumers take no more messages, which go to other connections' consumers; started again, they receive again")
    void stoppedConsumerLeavesMessagesToOthers() throws Exception {
        Queue queue = queue();
        Connection stopping = startedConnection();
        MessageConsumer first = stopping.createSession().createConsumer(queue);
        sendTexts(stopping, queue, "before stop");
        assertThat(receiveText(first)).isEqualTo("before stop");
        stopping.stop();
        MessageConsumer other = startedConnection().createSession().createConsumer(queue);
        sendTexts(stopping, queue, "s1", "s2", "s3", "s4");
        for (String expected : List.of("s1", "s2", "s3", "s4")) {
            assertThat(receiveText(other)).isEqualTo(expected);
        }
        other.close();
        stopping.start();
        sendTexts(stopping, queue, "after start");
        assertThat(receiveText(first)).isEqualTo("after start");
    }

    @Test
    @DisplayName("6.1.5: a message recovered by a session of a stopped connection goes to a consumer of a started connection")
    void recoveredWhileStoppedGoesToOthers() throws Exception {
        Queue queue = queue();
        Connection stopping = startedConnection();
        Session session = stopping.createSession(Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer first = session.createConsumer(queue);
        sendTexts(stopping, queue, "recovered");
        assertThat(receiveText(first)).isEqualTo("recovered");
        stopping.stop();
        session.recover();
        Message again = startedConnection().createSession().createConsumer(queue).receive(RECEIVE_TIMEOUT);
        assertThat(again).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) again).getText()).isEqualTo("recovered");
        assertThat(again.getJMSRedelivered()).isTrue();
    }

    @Test
    @DisplayName("6.1.5: if any message listeners are running when stop is invoked, stop must wait until all of them have returned")
    void stopWaitsForRunningListener() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean listenerReturned = new AtomicBoolean();
        connection.createSession().createConsumer(queue).setMessageListener(m -> {
            entered.countDown();
            try {
                release.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listenerReturned.set(true);
        });
        sendTexts(connection(), queue, "slow");
        assertThat(entered.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        AtomicBoolean returnedWhenStopReturned = new AtomicBoolean();
        Thread stopper = inThread("stopper", () -> {
            connection.stop();
            returnedWhenStopReturned.set(listenerReturned.get());
        });
        stopper.join(ABSENCE_TIMEOUT);
        assertThat(stopper.isAlive()).as("stop() still waiting for the listener").isTrue();
        release.countDown();
        stopper.join(RECEIVE_TIMEOUT);
        assertThat(stopper.isAlive()).isFalse();
        assertThat(returnedWhenStopReturned).isTrue();
    }

    @Test
    @DisplayName("6.1.5: stop called from a listener on its own connection either throws IllegalStateException or stops the connection")
    void stopFromOwnListenerEitherFailsOrSucceeds() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        CountDownLatch completed = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        connection.createSession().createConsumer(queue).setMessageListener(m -> {
            try {
                connection.stop();
            } catch (Throwable e) {
                thrown.set(e);
            }
            completed.countDown();
        });
        sendTexts(connection(), queue, "stop from inside");
        assertThat(completed.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        if (thrown.get() != null) {
            assertThat(thrown.get()).isInstanceOf(IllegalStateException.class);
        }
    }

    // ------------------------------------------------------------ 6.1.6 metadata

    @Test
    @DisplayName("6.1.6: ConnectionMetaData provides the latest Jakarta Messaging version supported and the provider's name and version")
    void metaDataDescribesVersionAndProvider() throws Exception {
        ConnectionMetaData metaData = connection().getMetaData();
        assertThat(metaData.getJMSMajorVersion()).isGreaterThanOrEqualTo(2);
        assertThat(metaData.getJMSVersion()).startsWith(metaData.getJMSMajorVersion() + "." + metaData.getJMSMinorVersion());
        assertThat(metaData.getJMSProviderName()).isNotBlank();
        assertThat(metaData.getProviderVersion()).isNotBlank();
    }

    @Test
    @DisplayName("6.1.6 / 3.5.9: metadata lists the JMSX property names supported, which include the mandatory JMSXDeliveryCount, JMSXGroupID, JMSXGroupSeq")
    void metaDataListsMandatoryJmsxProperties() throws Exception {
        List<String> names = elements(connection().getMetaData().getJMSXPropertyNames()).stream()
                .map(Object::toString).toList();
        assertThat(names).contains("JMSXDeliveryCount", "JMSXGroupID", "JMSXGroupSeq");
    }

    // ------------------------------------------------------------ 6.1.7 exception listener

    @Test
    @DisplayName("6.1.7: if no ExceptionListener is registered, getExceptionListener returns null")
    void noExceptionListenerByDefault() throws Exception {
        assertThat(connection().getExceptionListener()).isNull();
    }

    @Test
    @DisplayName("6.1.7: getExceptionListener returns the ExceptionListener registered for the connection")
    void registeredExceptionListenerIsReturned() throws Exception {
        Connection connection = connection();
        ExceptionListener listener = e -> { };
        connection.setExceptionListener(listener);
        assertThat(connection.getExceptionListener()).isSameAs(listener);
    }

    // ------------------------------------------------------------ 6.1.8 closing

    @Test
    @DisplayName("6.1.8: a close terminates all pending message receives on the connection's sessions' consumers")
    void closeTerminatesPendingReceive() throws Exception {
        Connection connection = startedConnection();
        MessageConsumer consumer = connection.createSession().createConsumer(queue());
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
        connection.close();
        receiver.join(RECEIVE_TIMEOUT);
        assertThat(receiver.isAlive()).isFalse();
        assertThat(outcome.get()).as("receive returns null when there was no message").isNull();
    }

    @Test
    @DisplayName("6.1.8: closing a closed connection must NOT throw an exception")
    void closingClosedConnectionDoesNotThrow() throws Exception {
        Connection connection = connection();
        connection.close();
        assertThatCode(connection::close).doesNotThrowAnyException();
    }

    static Stream<Arguments> connectionOperations() {
        return Stream.of(
                Arguments.of("createSession()", (ConnectionCall) Connection::createSession),
                Arguments.of("createSession(false, AUTO_ACKNOWLEDGE)", (ConnectionCall) c -> c.createSession(false, Session.AUTO_ACKNOWLEDGE)),
                Arguments.of("start()", (ConnectionCall) Connection::start),
                Arguments.of("stop()", (ConnectionCall) Connection::stop),
                Arguments.of("getClientID()", (ConnectionCall) Connection::getClientID),
                Arguments.of("setClientID(..)", (ConnectionCall) c -> c.setClientID("late-id")),
                Arguments.of("getMetaData()", (ConnectionCall) Connection::getMetaData),
                Arguments.of("getExceptionListener()", (ConnectionCall) Connection::getExceptionListener),
                Arguments.of("setExceptionListener(..)", (ConnectionCall) c -> c.setExceptionListener(e -> { })));
    }

    @ParameterizedTest(name = "6.1.8: once a connection has been closed, {0} must throw an IllegalStateException")
    @MethodSource("connectionOperations")
    void closedConnectionThrowsIllegalState(String operation, ConnectionCall call) throws Exception {
        Connection connection = connection();
        connection.close();
        assertThatThrownBy(() -> call.call(connection)).isInstanceOf(IllegalStateException.class);
    }

    static Stream<Arguments> sessionObjectOperations() {
        return Stream.of(
                Arguments.of("session.createTextMessage()", (ObjectsCall) o -> o.session.createTextMessage()),
                Arguments.of("session.createProducer(..)", (ObjectsCall) o -> o.session.createProducer(o.queue)),
                Arguments.of("session.createConsumer(..)", (ObjectsCall) o -> o.session.createConsumer(o.queue)),
                Arguments.of("producer.send(..)", (ObjectsCall) o -> o.producer.send(o.message)),
                Arguments.of("consumer.receive(..)", (ObjectsCall) o -> o.consumer.receive(ABSENCE_TIMEOUT)),
                Arguments.of("consumer.receiveNoWait()", (ObjectsCall) o -> o.consumer.receiveNoWait()),
                Arguments.of("consumer.setMessageListener(..)", (ObjectsCall) o -> o.consumer.setMessageListener(m -> { })));
    }

    @ParameterizedTest(name = "6.1.8: once a connection has been closed, {0} on its sessions, consumers or producers must throw an IllegalStateException")
    @MethodSource("sessionObjectOperations")
    void closedConnectionObjectsThrowIllegalState(String operation, ObjectsCall call) throws Exception {
        Connection connection = connection();
        Objects objects = new Objects();
        objects.queue = queue();
        objects.session = connection.createSession();
        objects.message = objects.session.createTextMessage("x");
        objects.producer = objects.session.createProducer(objects.queue);
        objects.consumer = objects.session.createConsumer(objects.queue);
        connection.close();
        assertThatThrownBy(() -> call.call(objects)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("6.1.8: after a connection is closed, calls to the close method of its sessions, producers, consumers and browsers must be ignored")
    void closingObjectsOfClosedConnectionIsIgnored() throws Exception {
        Connection connection = connection();
        Queue queue = queue();
        Session session = connection.createSession();
        MessageProducer producer = session.createProducer(queue);
        MessageConsumer consumer = session.createConsumer(queue);
        var browser = session.createBrowser(queue);
        connection.close();
        assertThatCode(() -> {
            browser.close();
            consumer.close();
            producer.close();
            session.close();
        }).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("6.1.8: closing a connection must roll back the transactions in progress on its transacted sessions (sends are discarded)")
    void closeRollsBackTransactedSends() throws Exception {
        Queue queue = queue();
        Connection connection = connection();
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        sendText(transacted, queue, "never committed");
        connection.close();
        assertNoMessage(startedConnection().createSession().createConsumer(queue));
    }

    @Test
    @DisplayName("6.1.8: closing a connection must roll back the transactions in progress on its transacted sessions (receives are redelivered)")
    void closeRollsBackTransactedReceives() throws Exception {
        Queue queue = queue();
        sendTexts(connection(), queue, "consumed in a transaction");
        Connection connection = startedConnection();
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        assertThat(receiveText(transacted.createConsumer(queue))).isEqualTo("consumed in a transaction");
        connection.close();
        Message again = receive(startedConnection().createSession().createConsumer(queue));
        assertThat(((TextMessage) again).getText()).isEqualTo("consumed in a transaction");
        assertThat(again.getJMSRedelivered()).isTrue();
    }

    @Test
    @DisplayName("6.1.8: closing a connection does NOT force an acknowledge of client acknowledged sessions")
    void closeDoesNotAcknowledgeClientSession() throws Exception {
        Queue queue = queue();
        sendTexts(connection(), queue, "unacknowledged");
        Connection connection = startedConnection();
        Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        assertThat(receiveText(session.createConsumer(queue))).isEqualTo("unacknowledged");
        connection.close();
        Message again = receive(startedConnection().createSession().createConsumer(queue));
        assertThat(((TextMessage) again).getText()).isEqualTo("unacknowledged");
        assertThat(again.getJMSRedelivered()).isTrue();
    }

    @Test
    @DisplayName("6.1.8: invoking the acknowledge method of a received message from a closed connection's session must throw an IllegalStateException")
    void acknowledgeAfterConnectionCloseThrowsIllegalState() throws Exception {
        Queue queue = queue();
        sendTexts(connection(), queue, "to acknowledge");
        Connection connection = startedConnection();
        Message message = receive(connection.createSession(Session.CLIENT_ACKNOWLEDGE).createConsumer(queue));
        connection.close();
        assertThatThrownBy(message::acknowledge).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("6.1.8: it is valid to continue to use message objects created or received via the connection after it is closed")
    void messagesRemainUsableAfterClose() throws Exception {
        Queue queue = queue();
        sendTexts(connection(), queue, "still readable");
        Connection connection = startedConnection();
        Session session = connection.createSession();
        TextMessage received = (TextMessage) receive(session.createConsumer(queue));
        TextMessage created = session.createTextMessage("created");
        connection.close();
        assertThat(received.getText()).isEqualTo("still readable");
        created.setText("changed after close");
        created.setStringProperty("p", "v");
        assertThat(created.getText()).isEqualTo("changed after close");
        assertThat(received.getJMSMessageID()).startsWith("ID:");
    }

    @Test
    @DisplayName("6.1.8: when connection close is invoked it should not return until all message listeners that may have been running have returned")
    void closeWaitsForRunningListener() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean listenerReturned = new AtomicBoolean();
        connection.createSession().createConsumer(queue).setMessageListener(m -> {
            entered.countDown();
            try {
                release.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listenerReturned.set(true);
        });
        sendTexts(connection(), queue, "slow");
        assertThat(entered.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        AtomicBoolean returnedWhenCloseReturned = new AtomicBoolean();
        Thread closer = inThread("closer", () -> {
            connection.close();
            returnedWhenCloseReturned.set(listenerReturned.get());
        });
        closer.join(ABSENCE_TIMEOUT);
        assertThat(closer.isAlive()).as("close() still waiting for the listener").isTrue();
        release.countDown();
        closer.join(RECEIVE_TIMEOUT);
        assertThat(closer.isAlive()).isFalse();
        assertThat(returnedWhenCloseReturned).isTrue();
    }

    @Test
    @DisplayName("6.1.8: if a listener is processing a message when close is invoked, the facilities of its session must remain available to it until it returns")
    void listenerKeepsSessionFacilitiesDuringClose() throws Exception {
        Queue requests = queue();
        Queue replies = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        MessageProducer replier = session.createProducer(replies);
        CountDownLatch entered = new CountDownLatch(1);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread[] closer = new Thread[1];
        session.createConsumer(requests).setMessageListener(m -> {
            entered.countDown();
            try {
                // wait until close() has been invoked and is blocked waiting for us
                await().atMost(Duration.ofMillis(RECEIVE_TIMEOUT)).until(() -> closer[0] != null
                        && (closer[0].getState() == Thread.State.WAITING || closer[0].getState() == Thread.State.TIMED_WAITING
                                || closer[0].getState() == Thread.State.BLOCKED));
                replier.send(session.createTextMessage("reply during close"));
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        sendTexts(connection(), requests, "request");
        assertThat(entered.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        closer[0] = inThread("closer", connection::close);
        closer[0].join(RECEIVE_TIMEOUT * 2);
        assertThat(failures).isEmpty();
        assertThat(receiveText(startedConnection().createSession().createConsumer(replies))).isEqualTo("reply during close");
    }

    @Test
    @DisplayName("6.1.8: a listener closing its own connection either throws IllegalStateException or succeeds; onMessage completes either way")
    void listenerClosingItsOwnConnectionEitherFailsOrSucceeds() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        CountDownLatch completed = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        connection.createSession().createConsumer(queue).setMessageListener(m -> {
            try {
                connection.close();
            } catch (Throwable e) {
                thrown.set(e);
            }
            completed.countDown();
        });
        sendTexts(connection(), queue, "close from inside");
        assertThat(completed.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        if (thrown.get() != null) {
            assertThat(thrown.get()).isInstanceOf(IllegalStateException.class);
        }
    }

    // ------------------------------------------------------------ 5.1 administered objects

    static Stream<Arguments> administeredObjects() {
        return Stream.of(
                Arguments.of("ConnectionFactory", (Lookup) () -> factory()),
                Arguments.of("Queue", (Lookup) () -> adminQueue()),
                Arguments.of("Topic", (Lookup) () -> adminTopic()));
    }

    @ParameterizedTest(name = "5.1: provider implementations of administered objects ({0}) should be both javax.naming.Referenceable and java.io.Serializable")
    @MethodSource("administeredObjects")
    void administeredObjectsAreReferenceableAndSerializable(String kind, Lookup lookup) throws Exception {
        Object object = lookup.get();
        assertThat(object).isInstanceOf(javax.naming.Referenceable.class).isInstanceOf(java.io.Serializable.class);
    }

    @Test
    @DisplayName("6.1: Connection objects support concurrent use (sessions created from many threads)")
    void connectionSupportsConcurrentUse() throws Exception {
        Connection connection = startedConnection();
        Queue queue = queue();
        int threads = 8;
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            int n = i;
            workers[i] = new Thread(() -> {
                try (Session session = connection.createSession()) {
                    sendText(session, queue, "from " + n);
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            workers[i].start();
        }
        for (Thread worker : workers) {
            worker.join(RECEIVE_TIMEOUT);
        }
        assertThat(failures).isEmpty();
        MessageConsumer consumer = connection.createSession().createConsumer(queue);
        for (int i = 0; i < threads; i++) {
            receive(consumer);
        }
    }

    // ------------------------------------------------------------ helpers

    @FunctionalInterface
    interface ConnectionCall {
        void call(Connection connection) throws Exception;
    }

    @FunctionalInterface
    interface ObjectsCall {
        void call(Objects objects) throws Exception;
    }

    @FunctionalInterface
    interface Lookup {
        Object get() throws Exception;
    }

    static final class Objects {
        Session session;
        Queue queue;
        Message message;
        MessageProducer producer;
        MessageConsumer consumer;
    }
}
