package io.warren.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** acknowledge() delegates to the consumer's Acknowledger. */
class AcknowledgeTest {

    @Test
    void acknowledgeCallsTheInstalledAcknowledger() throws JMSException {
        AtomicInteger calls = new AtomicInteger();
        WarrenMessage m = Received.copyOf(new WarrenTextMessage("x"));
        m.setAcknowledger(calls::incrementAndGet);
        m.acknowledge();
        m.acknowledge();
        assertThat(calls).hasValue(2);
        assertThat(m.getAcknowledger()).isNotNull();
    }

    @Test
    void acknowledgeOfAMessageThatWasNotReceivedDoesNothing() throws JMSException {
        new WarrenMessage().acknowledge();
        Received.copyOf(new WarrenMessage()).acknowledge();
    }

    @Test
    void theAcknowledgersFailurePropagates() {
        WarrenMessage m = new WarrenMessage();
        m.setAcknowledger(() -> {
            throw new IllegalStateException("session closed");
        });
        assertThatThrownBy(m::acknowledge).isInstanceOf(IllegalStateException.class).hasMessage("session closed");
    }
}
