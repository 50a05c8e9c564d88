package io.warren.examples;

import io.warren.jms.transport.vm.VmBrokers;
import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;

/**
 * Publish/subscribe on topics with RabbitMQ-style wildcards: {@code *} matches one word, {@code #} any number.
 * Each subscriber gets its own queue bound to {@code amq.topic} with its pattern.
 */
public final class PubSubWildcards {
    private PubSubWildcards() {
    }

    public static void main(String[] args) {
        try (JMSContext context = new WarrenConnectionFactory("vm://pubsub").createContext()) {
            JMSConsumer europe = context.createConsumer(context.createTopic("news.eu.*"));
            JMSConsumer sport = context.createConsumer(context.createTopic("news.*.sport"));
            JMSConsumer everything = context.createConsumer(context.createTopic("news.#"));
            JMSProducer producer = context.createProducer();
            for (String key : new String[] {"news.eu.politics", "news.eu.sport", "news.us.sport", "news.asia"}) {
                producer.send(context.createTopic(key), "story on " + key);
            }
            print("news.eu.*", europe);
            print("news.*.sport", sport);
            print("news.#", everything);
        } finally {
            VmBrokers.stop("pubsub");
        }
    }

    private static void print(String pattern, JMSConsumer consumer) {
        String text;
        while ((text = consumer.receiveBody(String.class, 200)) != null) {
            System.out.println("[pubsub] " + pattern + " got: " + text);
        }
    }
}
