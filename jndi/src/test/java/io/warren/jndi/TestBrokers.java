package io.warren.jndi;

import io.warren.jms.transport.vm.VmBrokers;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Unique in-JVM broker names for a test class, stopped after each test, and a send-and-receive check. */
final class TestBrokers {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final List<String> started = new ArrayList<>();

    /** A broker name no other test uses: {@code jndi-test-LABEL-N}. */
    String name(String label) {
        String name = "jndi-test-" + label + "-" + SEQUENCE.incrementAndGet();
        started.add(name);
        return name;
    }

    /** {@code vm://} URL of a fresh broker name. */
    String url(String label) {
        return "vm://" + name(label);
    }

    /** Remembers a broker started under a name this class did not make, so it is stopped too. */
    void track(String name) {
        started.add(name);
    }

    void stopAll() {
        started.forEach(VmBrokers::stop);
        started.clear();
    }

    /** Sends a text through the factory to the destination and returns what a consumer of it received. */
    static String sendAndReceive(ConnectionFactory cf, Destination destination, String text) {
        try (JMSContext ctx = cf.createContext()) {
            JMSConsumer consumer = ctx.createConsumer(destination);
            ctx.createProducer().send(destination, text);
            return consumer.receiveBody(String.class, 5000);
        }
    }
}
