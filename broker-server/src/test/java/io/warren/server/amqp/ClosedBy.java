package io.warren.server.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Reads the close method behind RabbitMQ client failures: the {@code channel.close} or
 * {@code connection.close} the server sent, with its reply code and text.
 */
final class ClosedBy {
    private ClosedBy() {
    }

    /** Runs a synchronous call that must fail with a channel exception; returns the server's channel.close. */
    static AMQP.Channel.Close channelError(ThrowingCallable call) {
        ShutdownSignalException s = shutdownOf(call);
        assertThat(s.isHardError()).as("hard error: %s", s).isFalse();
        assertThat(s.getReason()).isInstanceOf(AMQP.Channel.Close.class);
        return (AMQP.Channel.Close) s.getReason();
    }

    /** Runs a call that must fail with a connection exception; returns the server's connection.close. */
    static AMQP.Connection.Close connectionError(ThrowingCallable call) {
        ShutdownSignalException s = shutdownOf(call);
        assertThat(s.isHardError()).as("hard error: %s", s).isTrue();
        assertThat(s.getReason()).isInstanceOf(AMQP.Connection.Close.class);
        return (AMQP.Connection.Close) s.getReason();
    }

    /** Waits for the server to close the channel (after an asynchronous method) and returns why. */
    static AMQP.Channel.Close awaitChannelClose(Channel channel) {
        await().atMost(Duration.ofSeconds(5)).until(() -> !channel.isOpen());
        ShutdownSignalException s = channel.getCloseReason();
        assertThat(s.getReason()).as("close reason %s", s).isInstanceOf(AMQP.Channel.Close.class);
        return (AMQP.Channel.Close) s.getReason();
    }

    /** Waits for the server to close the connection and returns why. */
    static AMQP.Connection.Close awaitConnectionClose(Connection connection) {
        await().atMost(Duration.ofSeconds(5)).until(() -> !connection.isOpen());
        ShutdownSignalException s = connection.getCloseReason();
        assertThat(s.getReason()).as("close reason %s", s).isInstanceOf(AMQP.Connection.Close.class);
        return (AMQP.Connection.Close) s.getReason();
    }

    private static ShutdownSignalException shutdownOf(ThrowingCallable call) {
        Throwable thrown = null;
        try {
            call.call();
        } catch (Throwable t) {
            thrown = t;
        }
        assertThat(thrown).as("the call should have failed").isNotNull();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ShutdownSignalException s) {
                return s;
            }
        }
        throw new AssertionError("no ShutdownSignalException behind " + thrown, thrown);
    }
}
