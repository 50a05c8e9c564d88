package io.warren.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.jms.destination.WarrenTopic;
import io.warren.jms.message.HostileObjects;
import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Input built to break the provider or the broker — keys of thousands of words, selectors nested thousands deep —
 * and object messages nested thousands deep or built to hash forever — fail with the exception the specification
 * names and a message naming the limit, never with an error such as {@link StackOverflowError}.
 */
class HostileInputTest extends JmsTestSupport {
    private static final String TEN_THOUSAND_WORDS = "a" + ".a".repeat(9_999);

    @Test
    void aTopicOfTenThousandWordsIsAnInvalidDestinationNamingTheLimit() throws Exception {
        Session session = startedConnection().createSession();
        for (String name : new String[] {TEN_THOUSAND_WORDS, TEN_THOUSAND_WORDS + ".#", "*." + TEN_THOUSAND_WORDS}) {
            assertThatThrownBy(() -> session.createTopic(name))
                    .isInstanceOf(InvalidDestinationException.class)
                    .hasMessageContaining("topic name '")
                    .hasMessageContaining("limited to 255 bytes");
        }
    }

    @Test
    void aTooLongTopicMadeWithoutTheSessionFailsOnSubscribeAndSendAndLeavesNoQueue() throws Exception {
        Session session = startedConnection().createSession();
        Topic deep = new WarrenTopic(TEN_THOUSAND_WORDS);
        int queuesBefore = virtualHost().queueNames().size();

        assertThatThrownBy(() -> session.createConsumer(deep)).isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining("19999 bytes long");
        assertThatThrownBy(() -> session.createProducer(deep).send(session.createTextMessage("x")))
                .isInstanceOf(InvalidDestinationException.class).hasMessageContaining("255 bytes");
        assertThatThrownBy(() -> session.createProducer(null).send(deep, session.createTextMessage("x")))
                .isInstanceOf(InvalidDestinationException.class).hasMessageContaining("255 bytes");

        assertThat(virtualHost().queueNames()).hasSize(queuesBefore);
        // the session is still usable
        Topic fine = session.createTopic("a.b");
        MessageConsumer consumer = session.createConsumer(fine);
        sendTexts(session, fine, "still works");
        assertThat(receiveText(consumer)).isEqualTo("still works");
    }

    @Test
    void aTopicOf255BytesIsTheLongestAccepted() throws Exception {
        Session session = startedConnection().createSession();
        Topic longest = session.createTopic("a" + ".a".repeat(127));
        MessageConsumer consumer = session.createConsumer(session.createTopic("a.#"));
        sendTexts(session, longest, "128 words");
        assertThat(receiveText(consumer)).isEqualTo("128 words");
        assertThatThrownBy(() -> session.createTopic("a" + ".a".repeat(127) + "b"))
                .isInstanceOf(InvalidDestinationException.class).hasMessageContaining("256 bytes long");
    }

    @Test
    void aQueueNameOver255BytesIsAnInvalidDestination() throws Exception {
        Session session = startedConnection().createSession();
        assertThatThrownBy(() -> session.createQueue("q".repeat(256)))
                .isInstanceOf(InvalidDestinationException.class).hasMessageContaining("queue name 'qqq");
    }

    @Test
    void selectorsNestedTenThousandDeepAreInvalidSelectorsNamingTheLimit() throws Exception {
        Session session = startedConnection().createSession();
        Topic topic = session.createTopic("t");
        String parentheses = "(".repeat(10_000) + "a = 1" + ")".repeat(10_000);
        String nots = "NOT ".repeat(10_000) + "a = 1";
        String signs = "- ".repeat(10_000) + "a = 1";
        for (String selector : new String[] {parentheses, nots, signs}) {
            assertThatThrownBy(() -> session.createConsumer(topic, selector))
                    .isInstanceOf(InvalidSelectorException.class)
                    .hasMessageContaining("nested more than 100 levels deep");
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("q"), selector))
                    .isInstanceOf(InvalidSelectorException.class)
                    .hasMessageContaining("nested more than 100 levels deep");
        }
    }

    @Test
    void aSelectorOfTenThousandOrsAndArithmeticTermsIsEvaluated() throws Exception {
        Connection connection = startedConnection();
        Session session = connection.createSession();
        Topic topic = session.createTopic("t");
        String selector = "n = -1" + " OR n = 0".repeat(10_000) + " OR n" + " + 1".repeat(10_000) + " = 10007";
        MessageConsumer consumer = session.createConsumer(topic, selector);
        for (int n : new int[] {5, 7, 0}) {
            TextMessage m = session.createTextMessage("n=" + n);
            m.setIntProperty("n", n);
            session.createProducer(topic).send(m);
        }
        assertThat(receiveText(consumer)).isEqualTo("n=7");
        assertThat(receiveText(consumer)).isEqualTo("n=0");
    }

    @Test
    void aSetBombSentAsAnObjectMessageFailsAtReceiveBodyNamingTheLimit() {
        JMSContext context = context();
        Queue queue = context.createQueue(unique("bombs"));
        context.createProducer().send(queue, HostileObjects.setBomb(100));

        long start = System.nanoTime();
        assertThatThrownBy(() -> context.createConsumer(queue).receiveBody(Set.class, RECEIVE_TIMEOUT))
                .isInstanceOf(MessageFormatRuntimeException.class)
                .hasMessageContaining("nested more than 20 levels deep (maxdepth)");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
    }

    @Test
    void theObjectLimitsOptionRaisesTheDepthForAConnectionFactory() throws Exception {
        WarrenConnectionFactory deeper = new WarrenConnectionFactory(url + "?objectLimits=maxdepth=200");
        ArrayList<Object> nested = HostileObjects.nestedLists(100);
        try (JMSContext context = deeper.createContext()) {
            Queue queue = context.createQueue(unique("deep"));
            context.createProducer().send(queue, nested);
            assertThat((Object) context.createConsumer(queue).receiveBody(ArrayList.class, RECEIVE_TIMEOUT))
                    .isEqualTo(nested);
        }
        assertThatThrownBy(() -> new WarrenConnectionFactory(url + "?objectLimits=deep=1").createContext())
                .hasMessageContaining("objectLimits has 'deep=1'");
    }
}
