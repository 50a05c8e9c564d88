package io.warren.jndi;

import static io.warren.jndi.TestBrokers.sendAndReceive;
import static org.assertj.core.api.Assertions.assertThat;

import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.destination.WarrenDestination;
import io.warren.jms.destination.WarrenQueue;
import io.warren.jms.destination.WarrenTopic;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Hashtable;
import java.util.List;
import java.util.stream.Stream;
import javax.naming.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Objects bound in JNDI survive Java serialisation, as they must when a naming service stores them or hands
 * them to another JVM (remote JNDI, replicated sessions).
 */
class SerializationTest {
    private final TestBrokers brokers = new TestBrokers();

    @AfterEach
    void stopBrokers() {
        brokers.stopAll();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Serializable> T copy(T object) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void aConnectionFactoryKeepsItsUrlAndOptionsAndStillWorks() throws Exception {
        WarrenConnectionFactory original = new WarrenConnectionFactory(brokers.url("serialised") + "?persistent=false");
        original.setClientID("serialised-client");
        original.setPrefetch(9);
        original.setTrustedPackages(List.of("com.acme"));

        WarrenConnectionFactory copy = copy(original);

        assertThat(copy.getUrl()).isEqualTo(original.getUrl());
        assertThat(copy.getClientID()).isEqualTo("serialised-client");
        assertThat(copy.getPrefetch()).isEqualTo(9);
        assertThat(copy.getTrustedPackages()).containsExactly("com.acme");
        assertThat(sendAndReceive(copy, new WarrenQueue("jndi.serialised"), "hi")).isEqualTo("hi");
    }

    static Stream<WarrenDestination> destinations() {
        return Stream.of(new WarrenQueue("orders"), new WarrenTopic("news.*"),
                new WarrenTopic("exchange:prices?x-match=any&symbol='ACME'&tier=2&ratio=0.5&live=true"));
    }

    @ParameterizedTest
    @MethodSource("destinations")
    void aDestinationKeepsWhereItLives(WarrenDestination original) throws Exception {
        WarrenDestination copy = copy(original);

        assertThat(copy).isEqualTo(original).hasSameClassAs(original);
        assertThat(copy.toUri()).isEqualTo(original.toUri());
        assertThat(copy.exchange()).isEqualTo(original.exchange());
        assertThat(copy.routingKey()).isEqualTo(original.routingKey());
        assertThat(copy.bindingArguments()).isEqualTo(original.bindingArguments());
    }

    @Test
    void objectsLookedUpInJndiCanBeSerialised() throws Exception {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put("connectionFactory.cf", brokers.url("looked-up"));
        env.put("queue.orders", "jndi.looked-up");
        Context ctx = new WarrenInitialContextFactory().getInitialContext(env);

        WarrenConnectionFactory cf = copy((WarrenConnectionFactory) ctx.lookup("cf"));
        WarrenQueue queue = copy((WarrenQueue) ctx.lookup("orders"));

        assertThat(sendAndReceive(cf, queue, "hi")).isEqualTo("hi");
    }
}
