package io.warren.jndi;

import static io.warren.jndi.TestBrokers.sendAndReceive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.destination.WarrenQueue;
import io.warren.jms.destination.WarrenTopic;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import java.util.Hashtable;
import javax.naming.CompositeName;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The path applications take: {@code new InitialContext()} with {@code jndi.properties} on the classpath
 * ({@code src/test/resources/jndi.properties}), and {@code new InitialContext(env)}, which JNDI merges with it.
 */
class JndiPropertiesTest {
    private static final String PROPERTIES_BROKER = "jndi-test-properties";
    private final TestBrokers brokers = new TestBrokers();

    @AfterEach
    void stopBrokers() {
        brokers.stopAll();
    }

    @Test
    void jndiPropertiesOnTheClasspathConfigureTheInitialContext() throws Exception {
        InitialContext ctx = new InitialContext();
        try {
            assertThat(((WarrenConnectionFactory) ctx.lookup("ConnectionFactory")).getUrl())
                    .isEqualTo("vm://" + PROPERTIES_BROKER);
            assertThat(ctx.lookup("orders")).isEqualTo(new WarrenQueue("jndi.orders"));
            assertThat(ctx.lookup("news")).isEqualTo(new WarrenTopic("news.eu"));
            assertThat(ctx.lookup("dynamicQueues/anything")).isEqualTo(new WarrenQueue("anything"));
            assertThat(ctx.lookup(new CompositeName("orders"))).isEqualTo(new WarrenQueue("jndi.orders"));
        } finally {
            ctx.close();
        }
    }

    @Test
    void aMessageTravelsThroughObjectsFromJndiProperties() throws Exception {
        brokers.track(PROPERTIES_BROKER);
        InitialContext ctx = new InitialContext();
        try {
            ConnectionFactory cf = (ConnectionFactory) ctx.lookup("ConnectionFactory");
            Queue orders = (Queue) ctx.lookup("orders");

            assertThat(sendAndReceive(cf, orders, "hi")).isEqualTo("hi");
        } finally {
            ctx.close();
        }
    }

    @Test
    void theEnvironmentIsMergedWithJndiPropertiesAndWins() throws Exception {
        String url = brokers.url("merged");
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, WarrenInitialContextFactory.class.getName());
        env.put("connectionFactory.ConnectionFactory", url);
        env.put("queue.invoices", "jndi.invoices");
        InitialContext ctx = new InitialContext(env);
        try {
            assertThat(((WarrenConnectionFactory) ctx.lookup("ConnectionFactory")).getUrl()).isEqualTo(url);
            assertThat(ctx.lookup("invoices")).isEqualTo(new WarrenQueue("jndi.invoices"));
            assertThat(ctx.lookup("orders")).isEqualTo(new WarrenQueue("jndi.orders"));
            assertThat(sendAndReceive((ConnectionFactory) ctx.lookup("ConnectionFactory"),
                    (Queue) ctx.lookup("invoices"), "hi")).isEqualTo("hi");
        } finally {
            ctx.close();
        }
    }

    @Test
    void anUnknownNameThroughInitialContextIsNotFound() throws Exception {
        InitialContext ctx = new InitialContext();
        try {
            assertThatThrownBy(() -> ctx.lookup("jms/missing"))
                    .isInstanceOf(NameNotFoundException.class).hasMessageContaining("jms/missing");
        } finally {
            ctx.close();
        }
    }

    @Test
    void aMalformedEntryFailsWhenTheInitialContextIsCreated() {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put("connectionFactory.remote", "tcp://broker.example.com:61616");

        assertThatThrownBy(() -> new InitialContext(env))
                .isInstanceOf(NamingException.class)
                .hasMessageContaining("connectionFactory.remote")
                .hasMessageContaining("expected vm://NAME");
    }
}
