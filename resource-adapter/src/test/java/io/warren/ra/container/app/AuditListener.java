package io.warren.ra.container.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * Consumes the queue that the administered object {@code jms/audit} names, found through the standard
 * {@code destinationLookup} property instead of {@code destination}; records what it gets prefixed with
 * {@code audit:}.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/audit"),
        @ActivationConfigProperty(propertyName = "connectionUrl", propertyValue = "vm://container")
})
public class AuditListener implements MessageListener {
    @EJB
    private Deliveries deliveries;

    @Override
    public void onMessage(Message message) {
        try {
            deliveries.record("audit:" + ((TextMessage) message).getText(), message.getJMSRedelivered(),
                    message.getIntProperty("JMSXDeliveryCount"));
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
