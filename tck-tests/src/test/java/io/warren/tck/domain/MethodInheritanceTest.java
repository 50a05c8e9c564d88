package io.warren.tck.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.tck.support.TckSupport;
import jakarta.jms.IllegalStateException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Section 9.2 "Method inheritance across messaging domains", Table 9-1: "If an application attempts to call any of the
 * methods listed, the Jakarta Messaging provider must throw an IllegalStateException."
 */
@org.junit.jupiter.api.DisplayName("9.2 Method inheritance across messaging domains (Table 9-1)")
class MethodInheritanceTest extends TckSupport {

    private static final ServerSessionPool NO_POOL = () -> {
        throw new UnsupportedOperationException("never used");
    };

    static Stream<Arguments> queueConnectionMethods() {
        return Stream.of(
                Arguments.of("createSharedConnectionConsumer", (QueueConnectionCall) (c, t) -> c.createSharedConnectionConsumer(t, "s", null, NO_POOL, 1)),
                Arguments.of("createDurableConnectionConsumer", (QueueConnectionCall) (c, t) -> c.createDurableConnectionConsumer(t, "s", null, NO_POOL, 1)),
                Arguments.of("createSharedDurableConnectionConsumer", (QueueConnectionCall) (c, t) -> c.createSharedDurableConnectionConsumer(t, "s", null, NO_POOL, 1)));
    }

    @ParameterizedTest(name = "9.2 Table 9-1: QueueConnection.{0} must throw an IllegalStateException")
    @MethodSource("queueConnectionMethods")
    void queueConnectionMethodsThrow(String method, QueueConnectionCall call) throws Exception {
        Topic topic = topic();
        try (QueueConnection connection = queueFactory().createQueueConnection()) {
            connection.setClientID(uniqueName());
            assertThatThrownBy(() -> call.call(connection, topic)).isInstanceOf(IllegalStateException.class);
        }
    }

    static Stream<Arguments> queueSessionMethods() {
        return Stream.of(
                Arguments.of("createDurableSubscriber", (QueueSessionCall) (s, t) -> s.createDurableSubscriber(t, "s")),
                Arguments.of("createDurableConsumer", (QueueSessionCall) (s, t) -> s.createDurableConsumer(t, "s")),
                Arguments.of("createSharedConsumer", (QueueSessionCall) (s, t) -> s.createSharedConsumer(t, "s")),
                Arguments.of("createSharedDurableConsumer", (QueueSessionCall) (s, t) -> s.createSharedDurableConsumer(t, "s")),
                Arguments.of("createTemporaryTopic", (QueueSessionCall) (s, t) -> s.createTemporaryTopic()),
                Arguments.of("createTopic", (QueueSessionCall) (s, t) -> s.createTopic("a.topic")),
                Arguments.of("unsubscribe", (QueueSessionCall) (s, t) -> s.unsubscribe("s")));
    }

    @ParameterizedTest(name = "9.2 Table 9-1: QueueSession.{0} must throw an IllegalStateException")
    @MethodSource("queueSessionMethods")
    void queueSessionMethodsThrow(String method, QueueSessionCall call) throws Exception {
        Topic topic = topic();
        try (QueueConnection connection = queueFactory().createQueueConnection()) {
            connection.setClientID(uniqueName());
            QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> call.call(session, topic)).isInstanceOf(IllegalStateException.class);
        }
    }

    static Stream<Arguments> topicSessionMethods() {
        return Stream.of(
                Arguments.of("createBrowser", (TopicSessionCall) (s, q) -> s.createBrowser(q)),
                Arguments.of("createQueue", (TopicSessionCall) (s, q) -> s.createQueue("a.queue")),
                Arguments.of("createTemporaryQueue", (TopicSessionCall) (s, q) -> s.createTemporaryQueue()));
    }

    @ParameterizedTest(name = "9.2 Table 9-1: TopicSession.{0} must throw an IllegalStateException")
    @MethodSource("topicSessionMethods")
    void topicSessionMethodsThrow(String method, TopicSessionCall call) throws Exception {
        Queue queue = queue();
        try (TopicConnection connection = topicFactory().createTopicConnection()) {
            TopicSession session = connection.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> call.call(session, queue)).isInstanceOf(IllegalStateException.class);
        }
    }

    @FunctionalInterface
    interface QueueConnectionCall {
        void call(QueueConnection connection, Topic topic) throws Exception;
    }

    @FunctionalInterface
    interface QueueSessionCall {
        void call(QueueSession session, Topic topic) throws Exception;
    }

    @FunctionalInterface
    interface TopicSessionCall {
        void call(TopicSession session, Queue queue) throws Exception;
    }
}
