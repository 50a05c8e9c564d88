package io.warren.broker.exchange;

import io.warren.message.Message;
import io.warren.selector.EvaluationContext;

/**
 * Exposes a message to a selector: the JMS header identifiers a selector may name map to the message's
 * properties, {@code JMSXDeliveryCount} to the delivery about to happen, anything else to a header.
 */
public final class MessageEvaluationContext implements EvaluationContext {
    private final Message message;
    private final int deliveryCount;

    public MessageEvaluationContext(Message message, int deliveryCount) {
        this.message = message;
        this.deliveryCount = deliveryCount;
    }

    @Override
    public Object identifier(String name) {
        if (name.startsWith("JMS")) {
            switch (name) {
                case "JMSDeliveryMode":
                    return message.persistent() ? "PERSISTENT" : "NON_PERSISTENT";
                case "JMSPriority":
                    return message.priority();
                case "JMSMessageID":
                    return message.messageId();
                case "JMSTimestamp":
                    return message.timestamp() == 0 ? null : message.timestamp();
                case "JMSCorrelationID":
                    return message.correlationId();
                case "JMSType":
                    return message.type();
                case "JMSXDeliveryCount":
                    return deliveryCount;
                default:
                    break;
            }
        }
        return message.header(name);
    }
}
