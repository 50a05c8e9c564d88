package io.warren.examples;

import io.warren.broker.exchange.ExchangeType;
import io.warren.jms.transport.vm.VmBrokers;
import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import java.util.Map;

/**
 * Routing by JMS message properties through a headers exchange: each subscriber's topic name carries the
 * properties it wants ({@code exchange:NAME?x-match=all&prop=value}); the producer just sets properties.
 */
public final class HeadersRouting {
    private HeadersRouting() {
    }

    public static void main(String[] args) {
        WarrenConnectionFactory factory = new WarrenConnectionFactory("vm://headers");
        // Exchanges other than the predeclared amq.* ones are declared on the embedded broker.
        VmBrokers.broker(factory).defaultVirtualHost().exchangeDeclare("prices", ExchangeType.HEADERS, true, false, false,
                Map.of());
        try (JMSContext context = factory.createContext()) {
            JMSConsumer acmeInEurope = context.createConsumer(
                    context.createTopic("exchange:prices?x-match=all&symbol='ACME'&region='eu'"));
            JMSConsumer anyTier1 = context.createConsumer(
                    context.createTopic("exchange:prices?x-match=any&tier=1&symbol='INITECH'"));
            Topic prices = context.createTopic("exchange:prices");
            send(context, prices, "ACME", "eu", 1, "ACME 10.5 in Frankfurt");
            send(context, prices, "ACME", "us", 2, "ACME 10.7 in New York");
            send(context, prices, "INITECH", "us", 3, "INITECH 3.2 in New York");
            print("symbol=ACME and region=eu", acmeInEurope);
            print("tier=1 or symbol=INITECH", anyTier1);
        } finally {
            VmBrokers.stop("headers");
        }
    }

    private static void send(JMSContext context, Topic topic, String symbol, String region, int tier, String text) {
        context.createProducer().setProperty("symbol", symbol).setProperty("region", region)
                .setProperty("tier", tier).send(topic, text);
    }

    private static void print(String what, JMSConsumer consumer) {
        String text;
        while ((text = consumer.receiveBody(String.class, 200)) != null) {
            System.out.println("[headers] " + what + " got: " + text);
        }
    }
}
