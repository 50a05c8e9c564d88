package io.warren.jndi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Queue;
import jakarta.jms.Topic;
import java.util.Hashtable;
import javax.naming.CompositeName;
import javax.naming.Context;
import javax.naming.InvalidNameException;
import javax.naming.NamingException;
import javax.naming.Reference;
import javax.naming.StringRefAddr;
import org.junit.jupiter.api.Test;

/**
 * Destinations configured through JNDI are checked as {@code createQueue} and {@code createTopic} check them:
 * another broker's syntax fails naming the key, ActiveMQ's trailing {@code >} is Warren's {@code #}.
 */
class JndiDestinationNamesTest {

    private static Context context(String... keysAndValues) throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new WarrenInitialContextFactory().getInitialContext(env);
    }

    @Test
    void aQueueEntryInAnotherBrokersSyntaxFailsNamingTheKeyAndTheWarrenForm() {
        assertThatThrownBy(() -> context("queue.orders", "queue://orders"))
                .isInstanceOf(NamingException.class)
                .hasMessageContaining("queue.orders=queue://orders").hasMessageContaining("use 'orders'");
        assertThatThrownBy(() -> context("queue.eu", "orders::orders.eu"))
                .isInstanceOf(NamingException.class).hasMessageContaining("createQueue(\"orders.eu\")");
        assertThatThrownBy(() -> context("topic.both", "news.eu,news.us"))
                .isInstanceOf(NamingException.class).hasMessageContaining("topic.both")
                .hasMessageContaining("composite");
    }

    @Test
    void aTopicEntryEndingInGreaterThanIsBoundAsHash() throws Exception {
        Context ctx = context("topic.allNews", "news.>");

        assertThat(((Topic) ctx.lookup("allNews")).getTopicName()).isEqualTo("news.#");
        assertThat(((Topic) ctx.lookup("dynamicTopics/news.>")).getTopicName()).isEqualTo("news.#");
    }

    @Test
    void aDynamicQueueInAnotherBrokersSyntaxFailsNamingTheWarrenForm() throws Exception {
        Context ctx = context();

        assertThatThrownBy(() -> ctx.lookup("dynamicQueues/a,b"))
                .isInstanceOf(InvalidNameException.class).hasMessageContaining("composite");
        assertThat(((Queue) ctx.lookup("dynamicQueues/orders")).getQueueName()).isEqualTo("orders");
    }

    @Test
    void aReferencesPhysicalNameOrUriIsCheckedToo() throws Exception {
        WarrenObjectFactory factory = new WarrenObjectFactory();
        Reference byName = new Reference(Queue.class.getName(), WarrenObjectFactory.class.getName(), null);
        byName.add(new StringRefAddr("physicalName", "queue://orders"));
        Reference byUri = new Reference(Topic.class.getName(), WarrenObjectFactory.class.getName(), null);
        byUri.add(new StringRefAddr("uri", "topic://news::sub"));
        Reference wildcard = new Reference(Topic.class.getName(), WarrenObjectFactory.class.getName(), null);
        wildcard.add(new StringRefAddr("uri", "topic://news.>"));

        assertThatThrownBy(() -> factory.getObjectInstance(byName, new CompositeName("jms/q"), null, null))
                .isInstanceOf(NamingException.class).hasMessageContaining("physicalName")
                .hasMessageContaining("use 'orders'");
        assertThatThrownBy(() -> factory.getObjectInstance(byUri, new CompositeName("jms/t"), null, null))
                .isInstanceOf(NamingException.class).hasMessageContaining("createQueue(\"sub\")");
        assertThat(((Topic) factory.getObjectInstance(wildcard, new CompositeName("jms/w"), null, null))
                .getTopicName()).isEqualTo("news.#");
    }
}
