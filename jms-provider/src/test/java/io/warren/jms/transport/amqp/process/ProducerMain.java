package io.warren.jms.transport.amqp.process;

import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * A JMS producer in a JVM of its own: {@code ProducerMain <url> <queue> <count>} sends {@code m-0 … m-(count-1)}
 * persistently, each with a {@code seq} property, and prints {@code SENT <count>}.
 */
public final class ProducerMain {
    private ProducerMain() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[2]);
        try (Connection c = new WarrenConnectionFactory(args[0]).createConnection()) {
            Session s = c.createSession();
            MessageProducer p = s.createProducer(s.createQueue(args[1]));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = 0; i < count; i++) {
                TextMessage m = s.createTextMessage("m-" + i);
                m.setIntProperty("seq", i);
                p.send(m);
            }
        }
        System.out.println("SENT " + count);
    }
}
