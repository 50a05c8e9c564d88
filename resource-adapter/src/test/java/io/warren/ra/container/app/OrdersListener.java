package io.warren.ra.container.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * Consumes queue {@code orders} through the Warren adapter in a container-managed transaction (the default,
 * REQUIRED). A message whose text starts with {@code fail-once} makes the first attempt throw, so the transaction
 * rolls back and the adapter must deliver the message again, flagged as redelivered.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "orders"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "connectionUrl", propertyValue = "vm://container")
})
public class OrdersListener implements MessageListener {
    @EJB
    private Deliveries deliveries;

    @Override
    public void onMessage(Message message) {
        try {
            String text = ((TextMessage) message).getText();
            boolean failThisTime = text.startsWith("fail-once") && !deliveries.seenBefore(text);
            deliveries.record(text, message.getJMSRedelivered(), message.getIntProperty("JMSXDeliveryCount"));
            if (failThisTime) {
                throw new IllegalStateException("failing the first delivery of " + text + " on purpose");
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
