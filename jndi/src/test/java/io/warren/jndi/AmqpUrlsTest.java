package io.warren.jndi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.jms.WarrenConnectionFactory;
import java.util.Hashtable;
import javax.naming.CompositeName;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.naming.Reference;
import javax.naming.StringRefAddr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Network URLs ({@code amqp://}, {@code amqps://}) are taken under every key dialect the JNDI provider knows. */
class AmqpUrlsTest {
    private static final String URL = "amqp://app:secret@broker1:5672,broker2:5672/orders?prefetch=50";

    private static InitialContext context(String key, String value) throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, WarrenInitialContextFactory.class.getName());
        env.put(key, value);
        return new InitialContext(env);
    }

    @ParameterizedTest
    @ValueSource(strings = {"connectionFactory.remote", "connectionfactory.remote"})
    void artemisAndQpidKeysTakeAnAmqpUrl(String key) throws Exception {
        assertThat(((WarrenConnectionFactory) context(key, URL).lookup("remote")).getUrl()).isEqualTo(URL);
    }

    @Test
    void activeMqClassicProviderUrlTakesAnAmqpsUrl() throws Exception {
        String tls = "amqps://broker:5671?trustStore=/etc/warren/trust.p12&trustStorePassword=changeit";
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, WarrenInitialContextFactory.class.getName());
        env.put(Context.PROVIDER_URL, tls);
        env.put("connectionFactoryNames", "secureFactory");
        Object cf = new InitialContext(env).lookup("secureFactory");
        assertThat(((WarrenConnectionFactory) cf).getUrl()).isEqualTo(tls);
    }

    @Test
    void aReferenceTakesAnAmqpUrl() throws Exception {
        Reference ref = new Reference(WarrenConnectionFactory.class.getName(), WarrenObjectFactory.class.getName(),
                null);
        ref.add(new StringRefAddr("url", URL));
        Object cf = new WarrenObjectFactory().getObjectInstance(ref, new CompositeName("jms/cf"), null,
                new Hashtable<>());
        assertThat(((WarrenConnectionFactory) cf).getUrl()).isEqualTo(URL);
    }

    @Test
    void aMalformedAmqpUrlInAReferenceFailsWithoutThePassword() {
        Reference ref = new Reference(WarrenConnectionFactory.class.getName(), WarrenObjectFactory.class.getName(),
                null);
        ref.add(new StringRefAddr("url", "amqp://app:secret@broker:0/"));
        assertThatThrownBy(() -> new WarrenObjectFactory().getObjectInstance(ref, new CompositeName("jms/cf"), null,
                new Hashtable<>())).isInstanceOf(NamingException.class).hasMessageContaining("invalid port '0'")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aMalformedAmqpUrlFailsNamingTheKeyAndTheProblemWithoutThePassword() {
        assertThatThrownBy(() -> context("connectionFactory.remote", "amqp://app:secret@broker:70000/"))
                .isInstanceOf(NamingException.class)
                .hasMessageContaining("connectionFactory.remote")
                .hasMessageContaining("invalid port '70000'")
                .hasMessageNotContaining("secret");
    }
}
