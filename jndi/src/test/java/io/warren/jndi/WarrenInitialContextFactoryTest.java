package io.warren.jndi;

import static io.warren.jndi.TestBrokers.sendAndReceive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.broker.BrokerConfig;
import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.destination.WarrenQueue;
import io.warren.jms.destination.WarrenTopic;
import io.warren.jms.transport.vm.VmBrokers;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnectionFactory;
import jakarta.jms.XAConnection;
import jakarta.jms.XAConnectionFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import javax.naming.Binding;
import javax.naming.CompositeName;
import javax.naming.Context;
import javax.naming.InvalidNameException;
import javax.naming.NameClassPair;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.NotContextException;
import javax.naming.OperationNotSupportedException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The environment key styles of Artemis, Qpid JMS and ActiveMQ Classic, dynamic destinations, the read-only
 * context operations, and the errors for unknown names and malformed entries. The factory is called directly
 * so that the module's {@code jndi.properties} (see {@link JndiPropertiesTest}) does not mix in.
 */
class WarrenInitialContextFactoryTest {
    private final TestBrokers brokers = new TestBrokers();

    @AfterEach
    void stopBrokers() {
        brokers.stopAll();
    }

    private static Context context(String... keysAndValues) throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new WarrenInitialContextFactory().getInitialContext(env);
    }

    // --- connection factories ------------------------------------------------------------------------------

    @Test
    void artemisStyleBindsAFactoryPerKeyAndNoDefaults() throws Exception {
        String url = brokers.url("artemis");
        Context ctx = context("connectionFactory.myCF", url);

        assertThat(ctx.lookup("myCF")).isInstanceOfSatisfying(WarrenConnectionFactory.class,
                cf -> assertThat(cf.getUrl()).isEqualTo(url));
        assertThatThrownBy(() -> ctx.lookup("ConnectionFactory")).isInstanceOf(NameNotFoundException.class);
    }

    @Test
    void qpidStyleLowerCaseKeyBindsAFactory() throws Exception {
        String url = brokers.url("qpid");
        Context ctx = context("connectionfactory.qpidCF", url);

        assertThat(((WarrenConnectionFactory) ctx.lookup("qpidCF")).getUrl()).isEqualTo(url);
    }

    @Test
    void factoryOptionsComeFromTheUrlQuery() throws Exception {
        Context ctx = context("connectionFactory.cf",
                "vm://local?clientID=billing&prefetch=10&trustedPackages=com.acme");

        WarrenConnectionFactory cf = (WarrenConnectionFactory) ctx.lookup("cf");
        assertThat(cf.options().clientId()).isEqualTo("billing");
        assertThat(cf.getPrefetch()).isEqualTo(10);
        assertThat(cf.getTrustedPackages()).containsExactly("com.acme");
    }

    @Test
    void pagingOptionsInTheUrlReachTheBrokerTheFactoryStarts() throws Exception {
        String name = brokers.name("paging");
        Context ctx = context("connectionFactory.cf", "vm://" + name + "?jmx=false&paging=true&pagingWatermark=0.6"
                + "&queuePagingThreshold=4MiB&pagingMaxDisk=1GB&pageFileSize=256KiB&pagingReadAhead=16");

        try (Connection ignored = ((ConnectionFactory) ctx.lookup("cf")).createConnection()) {
            BrokerConfig config = VmBrokers.get(name).config();
            assertThat(config.paging()).isTrue();
            assertThat(config.pagingWatermark()).isEqualTo(0.6);
            assertThat(config.queuePagingThreshold()).isEqualTo(4L << 20);
            assertThat(config.pagingMaxDisk()).isEqualTo(1_000_000_000L);
            assertThat(config.pageFileSize()).isEqualTo(256L << 10);
            assertThat(config.pagingReadAhead()).isEqualTo(16);
        }
    }

    @Test
    void activeMqStyleBindsEachListedNameToTheProviderUrl() throws Exception {
        String url = brokers.url("activemq");
        Context ctx = context(Context.PROVIDER_URL, url, "connectionFactoryNames", "first, second");

        WarrenConnectionFactory first = (WarrenConnectionFactory) ctx.lookup("first");
        WarrenConnectionFactory second = (WarrenConnectionFactory) ctx.lookup("second");
        assertThat(first.getUrl()).isEqualTo(url);
        assertThat(second.getUrl()).isEqualTo(url);
        assertThat(first).isNotSameAs(second);
        assertThatThrownBy(() -> ctx.lookup("ConnectionFactory")).isInstanceOf(NameNotFoundException.class);
    }

    @Test
    void activeMqStyleWithoutNamesBindsTheDefaultNamesWithAnXaFactory() throws Exception {
        String url = brokers.url("activemq-defaults");
        Context ctx = context(Context.PROVIDER_URL, url);

        assertThat(ctx.lookup("ConnectionFactory")).isInstanceOf(ConnectionFactory.class)
                .isNotInstanceOf(XAConnectionFactory.class);
        assertThat(ctx.lookup("QueueConnectionFactory")).isInstanceOf(QueueConnectionFactory.class);
        assertThat(ctx.lookup("TopicConnectionFactory")).isInstanceOf(TopicConnectionFactory.class);
        assertThat(((WarrenConnectionFactory) ctx.lookup("ConnectionFactory")).getUrl()).isEqualTo(url);
        XAConnectionFactory xa = (XAConnectionFactory) ctx.lookup("XAConnectionFactory");
        try (XAConnection c = xa.createXAConnection()) {
            assertThat(c.createXASession().getXAResource()).isNotNull();
        }
    }

    @Test
    void anExplicitlyListedXaFactoryIsAnXaFactory() throws Exception {
        Context ctx = context("connectionFactoryNames", "ConnectionFactory,XAConnectionFactory");

        assertThat(ctx.lookup("ConnectionFactory")).isInstanceOf(WarrenConnectionFactory.class);
        assertThat(ctx.lookup("XAConnectionFactory")).isInstanceOf(XAConnectionFactory.class);
    }

    @Test
    void artemisTypeParameterChoosesAnXaFactoryAndLeavesTheUrl() throws Exception {
        String url = brokers.url("artemis-type");
        Context ctx = context("connectionFactory.xa", url + "?type=XA_CF", "connectionFactory.plain",
                url + "?type=QUEUE_CF");

        WarrenConnectionFactory xa = (WarrenConnectionFactory) ctx.lookup("xa");
        assertThat(xa).isInstanceOf(XAConnectionFactory.class);
        assertThat(xa.getUrl()).isEqualTo(url);
        assertThat(ctx.lookup("plain")).isNotInstanceOf(XAConnectionFactory.class);
        assertThatThrownBy(() -> context("connectionFactory.bad", url + "?type=FAST_CF"))
                .isInstanceOf(NamingException.class).hasMessageContaining("type=FAST_CF")
                .hasMessageContaining("XA_CF");
    }

    @Test
    void withoutAnyFactoryKeyTheDefaultNamesReachVmLocal() throws Exception {
        Context ctx = context("queue.orders", "orders");

        for (String name : List.of("ConnectionFactory", "QueueConnectionFactory", "TopicConnectionFactory")) {
            assertThat(((WarrenConnectionFactory) ctx.lookup(name)).getUrl()).isEqualTo("vm://local");
        }
    }

    @Test
    void anArtemisStyleFactoryTakesPrecedenceOverAnActiveMqDefaultName() throws Exception {
        String explicit = brokers.url("explicit");
        String provider = brokers.url("provider");
        Context ctx = context("connectionFactory.ConnectionFactory", explicit, Context.PROVIDER_URL, provider);

        assertThat(((WarrenConnectionFactory) ctx.lookup("ConnectionFactory")).getUrl()).isEqualTo(explicit);
        assertThat(((WarrenConnectionFactory) ctx.lookup("QueueConnectionFactory")).getUrl()).isEqualTo(provider);
    }

    @Test
    void eachLookupOfANameReturnsTheBoundInstance() throws Exception {
        Context ctx = context("connectionFactory.cf", "vm://local");

        assertThat(ctx.lookup("cf")).isSameAs(ctx.lookup("cf"));
    }

    // --- destinations --------------------------------------------------------------------------------------

    @Test
    void queueAndTopicKeysBindDestinationsByTheirPhysicalName() throws Exception {
        Context ctx = context("queue.orders", "shop.orders", "topic.news", "news.eu",
                "topic.prices", "exchange:prices?x-match=all&tier=2");

        assertThat(ctx.lookup("orders")).isEqualTo(new WarrenQueue("shop.orders"));
        assertThat(((Queue) ctx.lookup("orders")).getQueueName()).isEqualTo("shop.orders");
        assertThat(((Topic) ctx.lookup("news")).getTopicName()).isEqualTo("news.eu");
        WarrenTopic prices = (WarrenTopic) ctx.lookup("prices");
        assertThat(prices.exchange()).isEqualTo("prices");
        assertThat(prices.bindingArguments()).containsEntry("x-match", "all").containsEntry("tier", 2L);
    }

    @Test
    void dynamicQueuesAndTopicsAreCreatedOnLookup() throws Exception {
        Context ctx = context();

        assertThat(ctx.lookup("dynamicQueues/orders")).isEqualTo(new WarrenQueue("orders"));
        assertThat(ctx.lookup("dynamicTopics/news.eu")).isEqualTo(new WarrenTopic("news.eu"));
        assertThat(ctx.lookup(new CompositeName("dynamicQueues/billing"))).isEqualTo(new WarrenQueue("billing"));
        assertThat(((WarrenTopic) ctx.lookup("dynamicTopics/exchange:audit/eu.#")).routingKey()).isEqualTo("eu.#");
    }

    @Test
    void dynamicContextsCanBeLookedUpAndCreateDestinationsThemselves() throws Exception {
        Context queues = (Context) context().lookup("dynamicQueues");
        Context topics = (Context) context().lookup("dynamicTopics");

        assertThat(queues.lookup("orders")).isEqualTo(new WarrenQueue("orders"));
        assertThat(topics.lookup("news")).isEqualTo(new WarrenTopic("news"));
        assertThat(queues.getNameInNamespace()).isEqualTo("dynamicQueues");
    }

    @Test
    void aDynamicLookupWithoutADestinationNameIsAnInvalidName() {
        assertThatThrownBy(() -> context().lookup("dynamicQueues/"))
                .isInstanceOf(InvalidNameException.class).hasMessageContaining("dynamicQueues/NAME");
        assertThatThrownBy(() -> context().lookup("dynamicTopics/exchange:"))
                .isInstanceOf(InvalidNameException.class).hasMessageContaining("dynamicTopics/exchange:");
    }

    // --- unknown names and malformed entries ---------------------------------------------------------------

    @Test
    void anUnknownNameIsNotFoundAndTheMessageNamesIt() throws Exception {
        Context ctx = context("queue.orders", "orders");

        assertThatThrownBy(() -> ctx.lookup("jms/nope"))
                .isInstanceOf(NameNotFoundException.class)
                .hasMessageContaining("'jms/nope'")
                .hasMessageContaining("orders");
        assertThatThrownBy(() -> ctx.lookup(new CompositeName("nope"))).isInstanceOf(NameNotFoundException.class);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "connectionFactory.cf     | tcp://localhost:61616    | expected vm://NAME",
            "connectionfactory.cf     | amqp://localhost:99999   | invalid port",
            "connectionFactory.cf     | vm://bad name            | invalid broker name",
            "connectionFactory.cf     | vm://local?bogus=1       | unknown option 'bogus'",
            "connectionFactory.cf     | vm://local?prefetch=many | prefetch",
            "connectionFactory.cf     | vm://local?pagingReadAhead=0 | option pagingReadAhead in connection URL",
            "connectionFactory.cf     | vm://local?pageFileSize=1    | option pageFileSize in connection URL"
                    + " 'vm://local?pageFileSize=1' must be a size of 1024..2147483647 bytes",
            "java.naming.provider.url | vm://local?pagingWatermark=2 | option pagingWatermark in connection URL"
                    + " 'vm://local?pagingWatermark=2' must be a fraction of the broker's memory limit, above 0",
            "connectionFactory.cf     | '  '                     | is empty",
            "queue.orders             | ''                       | is empty",
            "topic.prices             | exchange:                | non-empty exchange name",
            "topic.prices             | exchange:p?tier          | NAME=VALUE",
            "queue.                   | orders                   | has no name",
            "java.naming.provider.url | tcp://localhost:61616    | expected vm://NAME",
            "connectionFactoryNames   | 'a,,b'                   | empty name",
    })
    void aMalformedEntryFailsWithAMessageNamingTheKey(String key, String value, String problem) {
        Hashtable<String, Object> env = new Hashtable<>(Map.of(key, value));

        assertThatThrownBy(() -> new WarrenInitialContextFactory().getInitialContext(env))
                .isInstanceOf(NamingException.class)
                .hasMessageContaining(key)
                .hasMessageContaining(problem);
    }

    @Test
    void aNonStringValueForAWarrenKeyFails() {
        Hashtable<String, Object> env = new Hashtable<>(Map.of("queue.orders", 42));

        assertThatThrownBy(() -> new WarrenInitialContextFactory().getInitialContext(env))
                .isInstanceOf(NamingException.class).hasMessageContaining("queue.orders");
    }

    @Test
    void aNameConfiguredTwiceFailsNamingBothKeys() {
        assertThatThrownBy(() -> context("queue.events", "a", "topic.events", "b"))
                .isInstanceOf(NamingException.class)
                .hasMessageContaining("queue.events").hasMessageContaining("topic.events");
        assertThatThrownBy(() -> context("connectionFactory.cf", "vm://local", "connectionFactoryNames", "cf"))
                .hasMessageContaining("connectionFactory.cf").hasMessageContaining("connectionFactoryNames");
    }

    @Test
    void keysOfOtherSystemsAreIgnored() throws Exception {
        Context ctx = context(Context.SECURITY_PRINCIPAL, "me", "some.other.setting", "x");

        assertThat(ctx.lookup("ConnectionFactory")).isInstanceOf(WarrenConnectionFactory.class);
    }

    // --- the Context operations ----------------------------------------------------------------------------

    @Test
    void theContextIsReadOnly() throws Exception {
        Context ctx = context("queue.orders", "orders");
        CompositeName name = new CompositeName("x");
        List<ThrowingCallable> writes = List.of(
                () -> ctx.bind("x", "v"), () -> ctx.bind(name, "v"),
                () -> ctx.rebind("orders", "v"), () -> ctx.rebind(name, "v"),
                () -> ctx.unbind("orders"), () -> ctx.unbind(name),
                () -> ctx.rename("orders", "y"), () -> ctx.rename(name, name),
                () -> ctx.createSubcontext("sub"), () -> ctx.createSubcontext(name),
                () -> ctx.destroySubcontext("sub"), () -> ctx.destroySubcontext(name));

        for (ThrowingCallable write : writes) {
            assertThatThrownBy(write).isInstanceOf(OperationNotSupportedException.class)
                    .hasMessageContaining("read-only");
        }
        assertThat(ctx.lookup("orders")).isEqualTo(new WarrenQueue("orders"));
    }

    @Test
    void listShowsTheBindingsAndTheDynamicContexts() throws Exception {
        Context ctx = context("connectionFactory.cf", "vm://local", "queue.orders", "orders", "topic.news", "n");

        assertThat(names(ctx.list(""))).containsExactly("cf", "dynamicQueues", "dynamicTopics", "news", "orders");
        assertThat(names(ctx.list(new CompositeName("")))).hasSize(5);
        List<Binding> bindings = Collections.list(ctx.listBindings(""));
        assertThat(bindings).filteredOn(b -> b.getName().equals("orders")).singleElement()
                .satisfies(b -> {
                    assertThat(b.getObject()).isEqualTo(new WarrenQueue("orders"));
                    assertThat(b.getClassName()).isEqualTo(WarrenQueue.class.getName());
                });
        assertThat(bindings).filteredOn(b -> b.getName().equals("dynamicQueues")).singleElement()
                .satisfies(b -> assertThat(b.getObject()).isInstanceOf(Context.class));
    }

    @Test
    void theDynamicContextsListEmpty() throws Exception {
        Context ctx = context();

        assertThat(names(ctx.list("dynamicQueues"))).isEmpty();
        assertThat(Collections.list(ctx.listBindings("dynamicTopics"))).isEmpty();
        assertThat(Collections.list(ctx.listBindings(new CompositeName("dynamicQueues")))).isEmpty();
    }

    @Test
    void listingABoundObjectIsNotAContextAndListingAnUnknownNameIsNotFound() throws Exception {
        Context ctx = context("queue.orders", "orders");

        assertThatThrownBy(() -> ctx.list("orders")).isInstanceOf(NotContextException.class);
        assertThatThrownBy(() -> ctx.listBindings("nope")).isInstanceOf(NameNotFoundException.class);
    }

    @Test
    void slashedNamesFormSubcontexts() throws Exception {
        Context ctx = context("queue.jms/queue/orders", "orders", "topic.jms/topic/news", "news");

        assertThat(ctx.lookup("jms/queue/orders")).isEqualTo(new WarrenQueue("orders"));
        assertThat(ctx.lookup(new CompositeName("jms/topic/news"))).isEqualTo(new WarrenTopic("news"));
        Context jms = (Context) ctx.lookup("jms");
        assertThat(jms.getNameInNamespace()).isEqualTo("jms");
        assertThat(names(jms.list(""))).containsExactly("queue", "topic");
        assertThat(((Context) jms.lookup("queue")).lookup("orders")).isEqualTo(new WarrenQueue("orders"));
        assertThat(names(ctx.list("jms/queue"))).containsExactly("orders");
    }

    @Test
    void lookingUpTheEmptyNameGivesANewContextOverTheSameBindings() throws Exception {
        Context ctx = context("queue.orders", "orders");

        Context again = (Context) ctx.lookup("");
        assertThat(again).isNotSameAs(ctx);
        assertThat(again.lookup("orders")).isSameAs(ctx.lookup("orders"));
        assertThat(((Context) ctx.lookup(new CompositeName())).lookup("orders")).isSameAs(ctx.lookup("orders"));
    }

    @Test
    void environmentNamesAndLinks() throws Exception {
        Context ctx = context("queue.orders", "orders");

        assertThat(ctx.getEnvironment().get("queue.orders")).isEqualTo("orders");
        assertThat(ctx.addToEnvironment("extra", "1")).isNull();
        assertThat(ctx.getEnvironment().get("extra")).isEqualTo("1");
        assertThat(ctx.removeFromEnvironment("extra")).isEqualTo("1");
        ctx.getEnvironment().clear();
        assertThat(ctx.getEnvironment().get("queue.orders")).isEqualTo("orders");

        assertThat(ctx.composeName("orders", "jms")).isEqualTo("jms/orders");
        assertThat(ctx.composeName("orders", "")).isEqualTo("orders");
        assertThat(ctx.composeName(new CompositeName("orders"), new CompositeName("jms")))
                .isEqualTo(new CompositeName("jms/orders"));
        assertThat(ctx.getNameParser("").parse("jms/queue/orders").size()).isEqualTo(3);
        assertThat(ctx.getNameParser(new CompositeName()).parse("orders")).isEqualTo(new CompositeName("orders"));
        assertThat(ctx.lookupLink("orders")).isSameAs(ctx.lookup("orders"));
        assertThat(ctx.lookupLink(new CompositeName("orders"))).isSameAs(ctx.lookup("orders"));
        assertThat(ctx.getNameInNamespace()).isEmpty();
        ctx.close();
    }

    // --- looked-up objects work ----------------------------------------------------------------------------

    @Test
    void aMessageTravelsThroughAnArtemisStyleFactoryAndQueue() throws Exception {
        Context ctx = context("connectionFactory.cf", brokers.url("artemis-send"), "queue.orders", "jndi.orders");

        assertThat(sendAndReceive((ConnectionFactory) ctx.lookup("cf"), (Queue) ctx.lookup("orders"), "hi"))
                .isEqualTo("hi");
    }

    @Test
    void aMessageTravelsThroughAnActiveMqStyleFactoryAndADynamicQueue() throws Exception {
        Context ctx = context(Context.PROVIDER_URL, brokers.url("activemq-send"));

        assertThat(sendAndReceive((ConnectionFactory) ctx.lookup("QueueConnectionFactory"),
                (Queue) ctx.lookup("dynamicQueues/jndi.dynamic"), "hi")).isEqualTo("hi");
    }

    @Test
    void aMessageTravelsThroughAQpidStyleFactoryAndTopic() throws Exception {
        Context ctx = context("connectionfactory.cf", brokers.url("qpid-send"), "topic.news", "news.eu");

        assertThat(sendAndReceive((ConnectionFactory) ctx.lookup("cf"), (Topic) ctx.lookup("news"), "hi"))
                .isEqualTo("hi");
    }

    @Test
    void aTopicSubscriberWithAWildcardReceivesFromAConcreteTopic() throws Exception {
        Context ctx = context("connectionFactory.cf", brokers.url("wildcard"),
                "topic.allNews", "news.#", "topic.euNews", "news.eu");
        ConnectionFactory cf = (ConnectionFactory) ctx.lookup("cf");

        try (var jms = cf.createContext()) {
            var consumer = jms.createConsumer((Topic) ctx.lookup("allNews"));
            jms.createProducer().send((Topic) ctx.lookup("euNews"), "eu");
            assertThat(consumer.receiveBody(String.class, 5000)).isEqualTo("eu");
        }
    }

    private static List<String> names(javax.naming.NamingEnumeration<NameClassPair> pairs) throws NamingException {
        List<String> names = new ArrayList<>();
        while (pairs.hasMore()) {
            names.add(pairs.next().getName());
        }
        return names;
    }
}
