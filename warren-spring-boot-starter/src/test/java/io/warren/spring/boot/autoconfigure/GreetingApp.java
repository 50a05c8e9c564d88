package io.warren.spring.boot.autoconfigure;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jms.annotation.JmsListener;

/**
 * The test application: nothing but auto-configuration and one {@code @JmsListener} on queue {@value #QUEUE}, which
 * hands what it receives to {@link Inbox}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class GreetingApp {
    static final String QUEUE = "greetings";

    @Bean
    Inbox inbox() {
        return new Inbox();
    }

    /** What the listener received, in order. */
    public static class Inbox {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();

        @JmsListener(destination = QUEUE)
        void onGreeting(String greeting) {
            received.add(greeting);
        }
    }
}
