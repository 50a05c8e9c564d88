package io.warren.examples;

import io.warren.jms.transport.vm.VmBrokers;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.util.Hashtable;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Looks the connection factory and a queue up by name, as a Jakarta EE application would. The environment is
 * what a {@code jndi.properties} file would hold; only the JNDI names appear in the messaging code.
 */
public final class JndiExample {
    private JndiExample() {
    }

    public static void main(String[] args) throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "io.warren.jndi.WarrenInitialContextFactory");
        env.put("connectionFactory.ConnectionFactory", "vm://jndi-example");
        env.put("queue.jms/orders", "orders");
        Context jndi = new InitialContext(env);
        try {
            ConnectionFactory factory = (ConnectionFactory) jndi.lookup("ConnectionFactory");
            Queue orders = (Queue) jndi.lookup("jms/orders");
            try (JMSContext context = factory.createContext()) {
                context.createProducer().setProperty("region", "eu").send(orders, "order #1 via JNDI");
                System.out.println("[jndi] looked up " + orders + ", received: "
                        + context.createConsumer(orders).receiveBody(String.class, 1000));
            }
        } finally {
            jndi.close();
            VmBrokers.stop("jndi-example");
        }
    }
}
