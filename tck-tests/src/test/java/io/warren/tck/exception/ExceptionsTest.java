package io.warren.tck.exception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.warren.tck.support.TckSupport;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Chapter 10 "Jakarta Messaging exceptions" and section 6.1.7 (what is not reported to an ExceptionListener). */
@DisplayName("10 Jakarta Messaging exceptions")
class ExceptionsTest extends TckSupport {

    static Stream<Arguments> classicFailures() {
        return Stream.of(
                Arguments.of(IllegalStateException.class, (Classic) (s, q) -> s.commit()),
                Arguments.of(InvalidSelectorException.class, (Classic) (s, q) -> s.createConsumer(q, "a = = 1")),
                Arguments.of(InvalidDestinationException.class, (Classic) (s, q) -> s.createConsumer(null)),
                Arguments.of(MessageFormatException.class, (Classic) (s, q) -> s.createMessage().setObjectProperty("p", new Object())),
                Arguments.of(MessageNotReadableException.class, (Classic) (s, q) -> s.createBytesMessage().readByte()),
                Arguments.of(MessageNotWriteableException.class, (Classic) (s, q) -> {
                    TextMessage message = s.createTextMessage("x");
                    s.createProducer(q).send(message);
                    ((TextMessage) receive(s.createConsumer(q))).setText("y");
                }));
    }

    @ParameterizedTest(name = "10.2: a checked {0} is a JMSException with a provider-specific string describing the error (getMessage)")
    @MethodSource("classicFailures")
    void checkedExceptionsDescribeTheError(Class<? extends JMSException> type, Classic call) throws Exception {
        Session session = startedConnection().createSession();
        Queue queue = queue();
        Throwable thrown = catchThrowable(() -> call.call(session, queue));
        assertThat(thrown).isInstanceOf(type).isInstanceOf(JMSException.class);
        assertThat(thrown.getMessage()).isNotBlank();
    }

    static Stream<Arguments> simplifiedFailures() {
        return Stream.of(
                Arguments.of(IllegalStateRuntimeException.class, (Simplified) (c, q) -> c.commit()),
                Arguments.of(InvalidSelectorRuntimeException.class, (Simplified) (c, q) -> c.createConsumer(q, "a = = 1")),
                Arguments.of(InvalidDestinationRuntimeException.class, (Simplified) (c, q) -> c.createProducer().send(null, "x")),
                Arguments.of(MessageFormatRuntimeException.class, (Simplified) (c, q) -> c.createProducer().setProperty("p", new Object())));
    }

    @ParameterizedTest(name = "10.2: methods of the simplified API throw unchecked exceptions: {0} is a JMSRuntimeException with a description")
    @MethodSource("simplifiedFailures")
    void uncheckedExceptionsDescribeTheError(Class<? extends JMSRuntimeException> type, Simplified call) {
        JMSContext context = context();
        Queue queue = queue();
        Throwable thrown = catchThrowable(() -> call.call(context, queue));
        assertThat(thrown).isInstanceOf(type).isInstanceOf(JMSRuntimeException.class);
        assertThat(thrown.getMessage()).isNotBlank();
    }

    @Test
    @DisplayName("6.1.7: if an exception is thrown on a Jakarta Messaging call it must not be delivered to the ExceptionListener")
    void thrownExceptionsAreNotReportedToTheListener() throws Exception {
        Connection connection = startedConnection();
        List<JMSException> reported = new CopyOnWriteArrayList<>();
        connection.setExceptionListener(reported::add);
        Session session = connection.createSession();
        Queue queue = queue();
        catchThrowable(() -> session.createConsumer(queue, "a = = 1"));
        catchThrowable(session::commit);
        catchThrowable(() -> session.createProducer(null).send(null, session.createMessage()));
        assertThat(connection.createSession().createConsumer(queue).receive(ABSENCE_TIMEOUT)).isNull();
        assertThat(reported).isEmpty();
    }

    @FunctionalInterface
    interface Classic {
        void call(Session session, Queue queue) throws Exception;
    }

    @FunctionalInterface
    interface Simplified {
        void call(JMSContext context, Queue queue) throws Exception;
    }
}
