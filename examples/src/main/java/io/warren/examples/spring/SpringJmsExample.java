package io.warren.examples.spring;

import io.warren.jms.transport.vm.VmBrokers;
import io.warren.jms.WarrenConnectionFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.annotation.EnableJms;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.jms.config.DefaultJmsListenerContainerFactory;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.messaging.handler.annotation.Header;

/**
 * Spring JMS on Warren, without Spring Boot: a {@link JmsTemplate} sends orders to the queue {@code orders}, a
 * {@code @JmsListener} prints them, and the program ends once every order has arrived.
 *
 * <pre>
 * mvn -B -q -pl examples -am compile exec:java -Dexec.mainClass=io.warren.examples.spring.SpringJmsExample
 * </pre>
 */
@Configuration
@EnableJms
public class SpringJmsExample {
    static final String BROKER = "spring-example";
    static final String[] ORDERS = {"3 carrots", "1 lettuce", "12 radishes", "2 turnips"};

    /** The provider: an embedded broker started on first use. */
    @Bean
    WarrenConnectionFactory warrenConnectionFactory() {
        return new WarrenConnectionFactory("vm://" + BROKER);
    }

    /** For sending: one shared connection, cached sessions and producers. */
    @Bean
    CachingConnectionFactory cachingConnectionFactory(WarrenConnectionFactory warren) {
        return new CachingConnectionFactory(warren);
    }

    @Bean
    JmsTemplate jmsTemplate(CachingConnectionFactory connectionFactory) {
        return new JmsTemplate(connectionFactory);
    }

    /** For receiving: the factory {@code @JmsListener} uses unless it names another one. */
    @Bean
    DefaultJmsListenerContainerFactory jmsListenerContainerFactory(WarrenConnectionFactory warren) {
        DefaultJmsListenerContainerFactory factory = new DefaultJmsListenerContainerFactory();
        factory.setConnectionFactory(warren);
        factory.setSessionTransacted(true); // a listener that throws gets the message again
        factory.setConcurrency("1-4");
        return factory;
    }

    @Bean
    OrderListener orderListener() {
        return new OrderListener(ORDERS.length);
    }

    /** Prints each order; counts down so that {@code main} knows when to stop. */
    public static class OrderListener {
        private final CountDownLatch received;

        OrderListener(int expected) {
            this.received = new CountDownLatch(expected);
        }

        @JmsListener(destination = "orders")
        public void onOrder(String order, @Header("customer") String customer) {
            System.out.printf("[spring] %s ordered %s (on %s)%n", customer, order, Thread.currentThread().getName());
            received.countDown();
        }

        boolean awaitAll(long seconds) throws InterruptedException {
            return received.await(seconds, TimeUnit.SECONDS);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        try (var context = new AnnotationConfigApplicationContext(SpringJmsExample.class)) {
            JmsTemplate jms = context.getBean(JmsTemplate.class);
            for (String order : ORDERS) {
                jms.convertAndSend("orders", order, message -> {
                    message.setStringProperty("customer", "acme");
                    return message;
                });
            }
            if (!context.getBean(OrderListener.class).awaitAll(10)) {
                throw new IllegalStateException("not every order arrived within 10 s");
            }
            System.out.println("[spring] all " + ORDERS.length + " orders received");
        } finally {
            VmBrokers.stop(BROKER);
        }
    }
}
