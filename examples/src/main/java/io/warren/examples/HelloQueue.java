package io.warren.examples;

import io.warren.jms.transport.vm.VmBrokers;
import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

/** Sends three messages to a queue and receives them: the smallest complete JMS program. */
public final class HelloQueue {
    private HelloQueue() {
    }

    public static void main(String[] args) {
        ConnectionFactory factory = new WarrenConnectionFactory("vm://hello");
        try (JMSContext context = factory.createContext()) {
            Queue queue = context.createQueue("greetings");
            for (String who : new String[] {"world", "Warren", "JMS"}) {
                context.createProducer().send(queue, "hello, " + who);
            }
            JMSConsumer consumer = context.createConsumer(queue);
            String text;
            while ((text = consumer.receiveBody(String.class, 1000)) != null) {
                System.out.println("[hello-queue] received: " + text);
            }
        } finally {
            VmBrokers.stop("hello");
        }
    }
}
