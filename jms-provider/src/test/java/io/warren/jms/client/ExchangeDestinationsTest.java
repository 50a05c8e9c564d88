package io.warren.jms.client;

import io.warren.jms.transport.vm.VmBrokers;
import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.VirtualHost;
import io.warren.broker.exchange.ExchangeType;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Any exchange as a JMS destination: {@code exchange:NAME[/KEY][?ARGS]}, and topic wildcards. */
class ExchangeDestinationsTest extends JmsTestSupport {

    private VirtualHost declare(String name, ExchangeType type) {
        VirtualHost vh = VmBrokers.broker(factory).defaultVirtualHost();
        vh.exchangeDeclare(name, type, true, false, false, Map.of());
        return vh;
    }

    @Test
    void sendingToADirectExchangeRoutesByKey() throws Exception {
        String ex = unique("direct");
        declare(ex, ExchangeType.DIRECT);
        Connection c = startedConnection();
        Session s = c.createSession();
        MessageConsumer orders = s.createConsumer(s.createTopic("exchange:" + ex + "/orders"));
        MessageConsumer invoices = s.createConsumer(s.createTopic("exchange:" + ex + "/invoices"));

        sendTexts(s, s.createTopic("exchange:" + ex + "/orders"), "order-1");
        sendTexts(s, s.createTopic("exchange:" + ex + "/invoices"), "invoice-1");
        sendTexts(s, s.createTopic("exchange:" + ex + "/unbound"), "nobody");

        Message order = receive(orders);
        assertThat(text(order)).isEqualTo("order-1");
        assertThat(order.getJMSDestination()).isEqualTo(s.createTopic("exchange:" + ex + "/orders"));
        assertNoMessage(orders);
        assertThat(receiveText(invoices)).isEqualTo("invoice-1");
        assertNoMessage(invoices);
    }

    @Test
    void aQueueBoundToAnExchangeOnTheBrokerIsAnOrdinaryJmsQueue() throws Exception {
        String ex = unique("direct-to-queue");
        VirtualHost vh = declare(ex, ExchangeType.DIRECT);
        String queue = unique("bound-queue");
        vh.queueDeclare(null, queue, true, false, false, Map.of());
        vh.queueBind(null, queue, ex, "k", Map.of());

        Session s = startedConnection().createSession();
        sendTexts(s, s.createTopic("exchange:" + ex + "/k"), "via-exchange");
        assertThat(receiveText(s.createConsumer(s.createQueue(queue)))).isEqualTo("via-exchange");
    }

    @Test
    void aFanoutExchangeReachesEverySubscriberWhateverTheKey() throws Exception {
        String ex = unique("fanout");
        declare(ex, ExchangeType.FANOUT);
        Session s = startedConnection().createSession();
        MessageConsumer a = s.createConsumer(s.createTopic("exchange:" + ex));
        MessageConsumer b = s.createConsumer(s.createTopic("exchange:" + ex + "/ignored"));
        sendTexts(s, s.createTopic("exchange:" + ex + "/anything"), "broadcast");
        assertThat(receiveText(a)).isEqualTo("broadcast");
        assertThat(receiveText(b)).isEqualTo("broadcast");
    }

    @Test
    void aTopicExchangeMatchesWildcardBindings() throws Exception {
        String ex = unique("topic-ex");
        declare(ex, ExchangeType.TOPIC);
        Session s = startedConnection().createSession();
        MessageConsumer oneWord = s.createConsumer(s.createTopic("exchange:" + ex + "/stock.*"));
        MessageConsumer anyDepth = s.createConsumer(s.createTopic("exchange:" + ex + "/stock.#"));
        sendTexts(s, s.createTopic("exchange:" + ex + "/stock.acme"), "acme");
        sendTexts(s, s.createTopic("exchange:" + ex + "/stock.acme.eu"), "acme-eu");
        sendTexts(s, s.createTopic("exchange:" + ex + "/bond.x"), "bond");
        assertThat(receiveText(oneWord)).isEqualTo("acme");
        assertNoMessage(oneWord);
        assertThat(receiveTexts(anyDepth, 2)).containsExactly("acme", "acme-eu");
        assertNoMessage(anyDepth);
    }

    @Test
    void plainTopicSubscribersMayUseWildcards() throws Exception {
        Session s = startedConnection().createSession();
        String root = unique("news");
        MessageConsumer star = s.createConsumer(s.createTopic(root + ".*"));
        MessageConsumer hash = s.createConsumer(s.createTopic(root + ".#"));
        MessageConsumer exact = s.createConsumer(s.createTopic(root + ".eu"));
        for (String key : new String[] {root, root + ".eu", root + ".eu.fr", root + ".us", "other.eu"}) {
            sendTexts(s, s.createTopic(key), key);
        }
        assertThat(receiveTexts(star, 2)).containsExactly(root + ".eu", root + ".us");
        assertNoMessage(star);
        assertThat(receiveTexts(hash, 4)).containsExactly(root, root + ".eu", root + ".eu.fr", root + ".us");
        assertNoMessage(hash);
        assertThat(receiveText(exact)).isEqualTo(root + ".eu");
        assertNoMessage(exact);
    }

    @Test
    void wildcardDurableSubscriptionsWork() throws Exception {
        Connection c = connection(factoryWithClientId("wildcard-client"));
        Session s = c.createSession();
        String root = unique("events");
        Topic pattern = s.createTopic(root + ".#");
        s.createDurableSubscriber(pattern, "all-events").close();
        sendTexts(s, s.createTopic(root + ".a.b"), "deep");
        sendTexts(s, s.createTopic(root + ".c"), "shallow");
        c.start();
        MessageConsumer sub = s.createDurableSubscriber(pattern, "all-events");
        assertThat(receiveTexts(sub, 2)).containsExactly("deep", "shallow");
    }

    @Test
    void headersExchangeSubscriptionsMatchTypedJmsProperties() throws Exception {
        String ex = unique("headers");
        declare(ex, ExchangeType.HEADERS);
        Session s = startedConnection().createSession();
        MessageConsumer all = s.createConsumer(s.createTopic("exchange:" + ex + "?x-match=all&k='v'&n=5"));
        MessageConsumer any = s.createConsumer(s.createTopic("exchange:" + ex + "?x-match=any&k='v'&flag=true"));
        MessageProducer p = s.createProducer(s.createTopic("exchange:" + ex));

        TextMessage both = s.createTextMessage("int-5");
        both.setStringProperty("k", "v");
        both.setIntProperty("n", 5);
        p.send(both);

        TextMessage longFive = s.createTextMessage("long-5");
        longFive.setStringProperty("k", "v");
        longFive.setLongProperty("n", 5L);
        p.send(longFive);

        TextMessage stringFive = s.createTextMessage("string-5");
        stringFive.setStringProperty("k", "v");
        stringFive.setStringProperty("n", "5");
        p.send(stringFive);

        TextMessage onlyFlag = s.createTextMessage("flag");
        onlyFlag.setBooleanProperty("flag", true);
        onlyFlag.setIntProperty("n", 5);
        p.send(onlyFlag);

        TextMessage nothing = s.createTextMessage("nothing");
        nothing.setStringProperty("k", "w");
        p.send(nothing);

        assertThat(receiveTexts(all, 2)).containsExactly("int-5", "long-5");
        assertNoMessage(all);
        assertThat(receiveTexts(any, 4)).containsExactly("int-5", "long-5", "string-5", "flag");
        assertNoMessage(any);
    }

    @Test
    void aHeadersSubscriptionCanAlsoHaveASelector() throws Exception {
        String ex = unique("headers-selector");
        declare(ex, ExchangeType.HEADERS);
        Session s = startedConnection().createSession();
        MessageConsumer consumer = s.createConsumer(s.createTopic("exchange:" + ex + "?region='eu'"), "amount > 100");
        MessageProducer p = s.createProducer(s.createTopic("exchange:" + ex));
        for (int amount : new int[] {50, 150}) {
            for (String region : new String[] {"eu", "us"}) {
                TextMessage m = s.createTextMessage(region + "-" + amount);
                m.setStringProperty("region", region);
                m.setIntProperty("amount", amount);
                p.send(m);
            }
        }
        assertThat(receiveText(consumer)).isEqualTo("eu-150");
        assertNoMessage(consumer);
    }

    @Test
    void theAmqTopicExchangeAddressIsTheSameAsAPlainTopic() throws Exception {
        Session s = startedConnection().createSession();
        String name = unique("same");
        MessageConsumer plain = s.createConsumer(s.createTopic(name));
        sendTexts(s, s.createTopic("exchange:amq.topic/" + name), "via-address");
        assertThat(receiveText(plain)).isEqualTo("via-address");
    }

    @Test
    void exchangeDestinationsThroughJmsContext() throws Exception {
        String ex = unique("ctx-headers");
        declare(ex, ExchangeType.HEADERS);
        JMSContext ctx = context();
        var consumer = ctx.createConsumer(ctx.createTopic("exchange:" + ex + "?n=5"));
        ctx.createProducer().setProperty("n", 5).send(ctx.createTopic("exchange:" + ex), "five");
        ctx.createProducer().setProperty("n", "5").send(ctx.createTopic("exchange:" + ex), "string five");
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("five");
        assertThat(consumer.receiveBody(String.class, ABSENT_TIMEOUT)).isNull();
    }
}
