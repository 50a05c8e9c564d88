package io.warren.junit;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * Builds the message a {@link WarrenExtension} helper sends, from the helper's context:
 *
 * <pre>{@code
 * warren.send("orders", context -> {
 *     TextMessage m = context.createTextMessage("order 42");
 *     m.setStringProperty("region", "eu");
 *     return m;
 * });
 * }</pre>
 *
 * Called on the thread that called the helper; a {@link JMSException} it throws reaches that caller as the
 * matching {@link jakarta.jms.JMSRuntimeException}.
 */
@FunctionalInterface
public interface MessageCreator {
    /** The message to send, made with {@code context} (which closes when the send is done). */
    Message create(JMSContext context) throws JMSException;
}
