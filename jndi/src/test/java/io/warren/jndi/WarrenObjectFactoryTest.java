package io.warren.jndi;

import static io.warren.jndi.TestBrokers.sendAndReceive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.destination.WarrenDestination;
import io.warren.jms.destination.WarrenQueue;
import io.warren.jms.destination.WarrenTemporaryQueue;
import io.warren.jms.destination.WarrenTemporaryTopic;
import io.warren.jms.destination.WarrenTopic;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnectionFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Hashtable;
import java.util.List;
import java.util.stream.Stream;
import javax.naming.CompositeName;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.Reference;
import javax.naming.StringRefAddr;
import javax.naming.spi.NamingManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * References made by Warren's objects and by a container (the way Tomcat builds them from a
 * {@code <Resource>}) turn back into working objects, directly and through {@link NamingManager}.
 */
class WarrenObjectFactoryTest {
    private static final String FACTORY = WarrenObjectFactory.class.getName();
    /** Tomcat's ResourceRef names its own factory and passes the configured one as an attribute. */
    private static final String TOMCAT_RESOURCE_FACTORY = "org.apache.naming.factory.ResourceFactory";

    private final WarrenObjectFactory factory = new WarrenObjectFactory();
    private final TestBrokers brokers = new TestBrokers();

    @AfterEach
    void stopBrokers() {
        brokers.stopAll();
    }

    private Object resolve(Reference ref) throws Exception {
        return factory.getObjectInstance(ref, new CompositeName("jms/resource"), null, new Hashtable<>());
    }

    /** A reference as Tomcat builds it for {@code <Resource type=TYPE factory=... NAME=VALUE .../>}. */
    private static Reference tomcatResource(String type, String... attributes) {
        Reference ref = new Reference(type, TOMCAT_RESOURCE_FACTORY, null);
        ref.add(new StringRefAddr("description", null));
        ref.add(new StringRefAddr("scope", "Shareable"));
        ref.add(new StringRefAddr("auth", "Container"));
        ref.add(new StringRefAddr("singleton", "true"));
        ref.add(new StringRefAddr("factory", FACTORY));
        for (int i = 0; i < attributes.length; i += 2) {
            ref.add(new StringRefAddr(attributes[i], attributes[i + 1]));
        }
        return ref;
    }

    // --- round trips through getReference() ----------------------------------------------------------------

    @Test
    void aConnectionFactoryRoundTripsWithItsOptions() throws Exception {
        WarrenConnectionFactory original = new WarrenConnectionFactory("vm://jndi-round-trip?persistent=false");
        original.setClientID("billing");
        original.setPrefetch(17);
        original.setTrustedPackages(List.of("com.acme", "org.example"));
        original.setEnableSharedClientID(true);

        Reference ref = original.getReference();
        assertThat(ref.getFactoryClassName()).isEqualTo(FACTORY);
        WarrenConnectionFactory copy = (WarrenConnectionFactory) resolve(ref);

        assertThat(copy.getUrl()).isEqualTo(original.getUrl());
        assertThat(copy.getClientID()).isEqualTo("billing");
        assertThat(copy.getPrefetch()).isEqualTo(17);
        assertThat(copy.getTrustedPackages()).containsExactly("com.acme", "org.example");
        assertThat(copy.isEnableSharedClientID()).isTrue();
    }

    @Test
    void aConnectionFactoryWithoutOptionsRoundTripsToTheDefaults() throws Exception {
        WarrenConnectionFactory original = new WarrenConnectionFactory("vm://jndi-round-trip");

        WarrenConnectionFactory copy = (WarrenConnectionFactory) resolve(original.getReference());

        assertThat(copy.getUrl()).isEqualTo("vm://jndi-round-trip");
        assertThat(copy.getClientID()).isNull();
        assertThat(copy.getPrefetch()).isEqualTo(original.getPrefetch());
        assertThat(copy.getTrustedPackages()).isEqualTo(original.getTrustedPackages());
        assertThat(copy.isEnableSharedClientID()).isFalse();
    }

    @Test
    void anEmptyTrustedPackageListRoundTrips() throws Exception {
        WarrenConnectionFactory original = new WarrenConnectionFactory("vm://jndi-round-trip");
        original.setTrustedPackages(List.of());

        assertThat(((WarrenConnectionFactory) resolve(original.getReference())).getTrustedPackages()).isEmpty();
    }

    static Stream<WarrenDestination> destinations() {
        return Stream.of(new WarrenQueue("orders"), new WarrenQueue("shop.orders.eu"), new WarrenTopic("news.eu"),
                new WarrenTopic("news.#"), new WarrenTopic("exchange:prices?x-match=all&symbol='ACME'&tier=2"),
                new WarrenTopic("exchange:amq.direct/invoices"), new WarrenTemporaryQueue("tmp.q.1", null),
                new WarrenTemporaryTopic("tmp.t.1", null));
    }

    @ParameterizedTest
    @MethodSource("destinations")
    void eachDestinationKindRoundTrips(WarrenDestination original) throws Exception {
        Reference ref = original.getReference();
        assertThat(ref.getClassName()).isEqualTo(original.getClass().getName());

        WarrenDestination copy = (WarrenDestination) resolve(ref);

        assertThat(copy).isEqualTo(original).hasSameClassAs(original);
        assertThat(copy.exchange()).isEqualTo(original.exchange());
        assertThat(copy.routingKey()).isEqualTo(original.routingKey());
        assertThat(copy.bindingArguments()).isEqualTo(original.bindingArguments());
    }

    // --- references a container builds ---------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(classes = {WarrenConnectionFactory.class, ConnectionFactory.class, QueueConnectionFactory.class,
            TopicConnectionFactory.class})
    void aTomcatResourceOfAnyConnectionFactoryTypeBuildsAWarrenFactory(Class<?> type) throws Exception {
        Reference ref = tomcatResource(type.getName(), "url", "vm://jndi-tomcat", "clientID", "web-app",
                "prefetch", "5", "trustedPackages", "com.acme, org.example", "user", "app", "password", "secret");

        Object built = resolve(ref);

        assertThat(built).isInstanceOf(type).isInstanceOf(WarrenConnectionFactory.class);
        WarrenConnectionFactory cf = (WarrenConnectionFactory) built;
        assertThat(cf.getUrl()).isEqualTo("vm://jndi-tomcat");
        assertThat(cf.getClientID()).isEqualTo("web-app");
        assertThat(cf.getPrefetch()).isEqualTo(5);
        assertThat(cf.getTrustedPackages()).containsExactly("com.acme", "org.example");
        assertThat(cf.options().user()).isEqualTo("app");
        assertThat(cf.options().password()).isEqualTo("secret");
    }

    @Test
    void aTomcatFactoryResourceWithoutAUrlReachesVmLocal() throws Exception {
        assertThat(((WarrenConnectionFactory) resolve(tomcatResource(ConnectionFactory.class.getName()))).getUrl())
                .isEqualTo(WarrenConnectionFactory.DEFAULT_URL);
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @CsvSource({
            "io.warren.jms.destination.WarrenQueue, physicalName, orders,  queue://orders",
            "io.warren.jms.destination.WarrenQueue, name,         orders,  queue://orders",
            "jakarta.jms.Queue,                     physicalName, orders,  queue://orders",
            "jakarta.jms.Queue,                     uri,  queue://orders,  queue://orders",
            "io.warren.jms.destination.WarrenTopic, physicalName, news.eu, topic://news.eu",
            "jakarta.jms.Topic,                     name,         news.#,  topic://news.#",
            "jakarta.jms.Destination,               uri,  topic://news.eu, topic://news.eu",
            "io.warren.jms.destination.WarrenDestination, uri, queue://x,  queue://x",
    })
    void aTomcatDestinationResourceBuildsTheDestination(String type, String attribute, String value, String uri)
            throws Exception {
        Object built = resolve(tomcatResource(type, attribute, value));

        assertThat(built).isInstanceOf(Class.forName(type));
        assertThat(((WarrenDestination) built).toUri()).isEqualTo(uri);
    }

    @Test
    void physicalNameWinsOverName() throws Exception {
        Object built = resolve(tomcatResource(Queue.class.getName(), "physicalName", "real", "name", "other"));

        assertThat(built).isEqualTo(new WarrenQueue("real"));
    }

    @Test
    void xaFactoryReferencesBuildXaFactories() throws Exception {
        for (String type : List.of("jakarta.jms.XAConnectionFactory", "jakarta.jms.XAQueueConnectionFactory",
                "jakarta.jms.XATopicConnectionFactory", "io.warren.jms.WarrenXAConnectionFactory")) {
            Object built = resolve(new Reference(type, new StringRefAddr("url", "vm://x")));
            assertThat(built).as(type).isInstanceOf(io.warren.jms.WarrenXAConnectionFactory.class);
        }
        Object plain = resolve(new Reference("jakarta.jms.ConnectionFactory", new StringRefAddr("url", "vm://x")));
        assertThat(plain).isNotInstanceOf(jakarta.jms.XAConnectionFactory.class);
    }

    @Test
    void referencesToOtherClassesAreNotMine() throws Exception {
        assertThat(resolve(tomcatResource("javax.sql.DataSource", "url", "jdbc:h2:mem:x"))).isNull();
        assertThat(factory.getObjectInstance("vm://local", null, null, null)).isNull();
        assertThat(factory.getObjectInstance(null, null, null, null)).isNull();
    }

    @ParameterizedTest(name = "{0}: {1}={2}")
    @CsvSource(delimiter = '|', value = {
            "io.warren.jms.WarrenConnectionFactory | url            | tcp://localhost:61616 | expected vm://NAME",
            "jakarta.jms.ConnectionFactory         | url            | vm://bad name         | invalid broker name",
            "jakarta.jms.ConnectionFactory         | prefetch       | lots                  | positive integer",
            "jakarta.jms.ConnectionFactory         | prefetch       | 0                     | positive integer",
            "jakarta.jms.ConnectionFactory         | clientID       | ' '                   | must not be empty",
            "jakarta.jms.ConnectionFactory         | enableSharedClientID | yes             | true or false",
            "jakarta.jms.ConnectionFactory         | brokerURL      | vm://local            | supported attributes",
            "jakarta.jms.Queue                     | physicalName   | ' '                   | non-empty physicalName",
            "jakarta.jms.Queue                     | uri            | topic://news          | not a jakarta.jms.Queue",
            "jakarta.jms.Queue                     | uri            | news                  | queue://NAME",
            "jakarta.jms.Topic                     | physicalName   | exchange:             | non-empty exchange",
            "jakarta.jms.Topic                     | destination    | news                  | supported attributes",
            "jakarta.jms.Destination               | physicalName   | orders                | needs a uri",
            "io.warren.jms.destination.WarrenTemporaryQueue | uri   | temp-topic://t        | not a",
    })
    void aBadAttributeFailsNamingIt(String type, String attribute, String value, String problem) {
        Reference ref = tomcatResource(type, attribute, value);

        assertThatThrownBy(() -> resolve(ref))
                .isInstanceOf(NamingException.class)
                .hasMessageContaining(attribute)
                .hasMessageContaining(problem)
                .hasMessageContaining("jms/resource");
    }

    @Test
    void aQueueWithoutAPhysicalNameFails() {
        assertThatThrownBy(() -> resolve(tomcatResource(Queue.class.getName())))
                .isInstanceOf(NamingException.class).hasMessageContaining("physicalName");
    }

    // --- the path an application server takes --------------------------------------------------------------

    @Test
    void namingManagerResolvesStoredReferencesThroughTheirFactoryClassName() throws Exception {
        String url = brokers.url("naming-manager");
        WarrenConnectionFactory cf = new WarrenConnectionFactory(url);
        cf.setPrefetch(3);
        // A server keeps the Reference of a Referenceable in its tree, often serialised, and resolves it on lookup.
        Reference storedCf = serialisedCopy(cf.getReference());
        Reference storedQueue = serialisedCopy(new WarrenQueue("jndi.naming-manager").getReference());
        Context ctx = new WarrenInitialContextFactory().getInitialContext(new Hashtable<>());
        Hashtable<String, Object> env = new Hashtable<>();

        Object foundCf = NamingManager.getObjectInstance(storedCf, new CompositeName("jms/cf"), ctx, env);
        Object foundQueue = NamingManager.getObjectInstance(storedQueue, new CompositeName("jms/orders"), ctx, env);

        assertThat(foundCf).isInstanceOfSatisfying(WarrenConnectionFactory.class, found -> {
            assertThat(found.getUrl()).isEqualTo(url);
            assertThat(found.getPrefetch()).isEqualTo(3);
        });
        assertThat(foundQueue).isEqualTo(new WarrenQueue("jndi.naming-manager"));
        assertThat(sendAndReceive((ConnectionFactory) foundCf, (Destination) foundQueue, "hi")).isEqualTo("hi");
    }

    @Test
    void namingManagerResolvesAContainerReferenceNamingWarrensFactory() throws Exception {
        Reference ref = new Reference(Topic.class.getName(), FACTORY, null);
        ref.add(new StringRefAddr("physicalName", "news.eu"));

        Object found = NamingManager.getObjectInstance(ref, new CompositeName("jms/news"), null, null);

        assertThat(found).isEqualTo(new WarrenTopic("news.eu"));
    }

    private static Reference serialisedCopy(Reference ref) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(ref);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Reference) in.readObject();
        }
    }
}
