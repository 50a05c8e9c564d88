package io.warren.examples;

import io.warren.jms.transport.vm.VmBrokers;
import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

/**
 * Consume-transform-produce in a local transaction: taking an order and emitting its invoice commit together.
 * The second order fails once: the rollback puts it back, it is redelivered, and no invoice leaks out.
 */
public final class TransactedTransform {
    private TransactedTransform() {
    }

    public static void main(String[] args) throws Exception {
        try (JMSContext context = new WarrenConnectionFactory("vm://tx").createContext(JMSContext.SESSION_TRANSACTED)) {
            Queue orders = context.createQueue("orders");
            Queue invoices = context.createQueue("invoices");
            JMSProducer producer = context.createProducer();
            for (int i = 1; i <= 3; i++) {
                producer.send(orders, "order-" + i);
            }
            context.commit();

            JMSConsumer in = context.createConsumer(orders);
            boolean failedOnce = false;
            TextMessage order;
            while ((order = (TextMessage) in.receive(500)) != null) {
                producer.send(invoices, "invoice for " + order.getText());
                if (order.getText().equals("order-2") && !failedOnce) {
                    failedOnce = true;
                    context.rollback();
                    System.out.println("[transacted] failed on order-2, rolled back (no invoice sent)");
                    continue;
                }
                context.commit();
                System.out.println("[transacted] committed " + order.getText() + " (redelivered="
                        + order.getJMSRedelivered() + ")");
            }
            JMSConsumer out = context.createConsumer(invoices);
            String invoice;
            while ((invoice = out.receiveBody(String.class, 200)) != null) {
                System.out.println("[transacted] " + invoice);
            }
            context.commit();
        } finally {
            VmBrokers.stop("tx");
        }
    }
}
