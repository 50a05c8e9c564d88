package io.warren.jndi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.jms.WarrenConnectionFactory;
import java.util.Hashtable;
import javax.naming.Context;
import javax.naming.NamingException;
import org.junit.jupiter.api.Test;

/**
 * Qpid JMS's {@code property.connectionfactory.NAME.KEY} and {@code default.connectionfactory.KEY} entries set
 * Warren's factory settings under Warren's and Qpid's names, and fail rather than being ignored otherwise.
 */
class FactoryPropertiesTest {

    private static Context context(String... keysAndValues) throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new WarrenInitialContextFactory().getInitialContext(env);
    }

    @Test
    void qpidPropertyKeysSetClientIdUserPasswordPrefetchAndTrustedPackages() throws Exception {
        Context ctx = context("connectionfactory.cf", "vm://local",
                "property.connectionfactory.cf.clientID", "billing",
                "property.connectionfactory.cf.username", "app",
                "property.connectionfactory.cf.password", "s3cret",
                "property.connectionfactory.cf.prefetchPolicy.all", "10",
                "property.connectionfactory.cf.trustedPackages", "com.acme, org.acme");

        WarrenConnectionFactory cf = (WarrenConnectionFactory) ctx.lookup("cf");
        assertThat(cf.getClientID()).isEqualTo("billing");
        assertThat(cf.options().user()).isEqualTo("app");
        assertThat(cf.options().password()).isEqualTo("s3cret");
        assertThat(cf.getPrefetch()).isEqualTo(10);
        assertThat(cf.getTrustedPackages()).containsExactly("com.acme", "org.acme");
    }

    @Test
    void warrensOwnNamesAndTheCamelCasePrefixWorkToo() throws Exception {
        Context ctx = context("connectionfactory.cf", "vm://local",
                "property.connectionFactory.cf.user", "app",
                "property.connectionFactory.cf.prefetch", "7");

        WarrenConnectionFactory cf = (WarrenConnectionFactory) ctx.lookup("cf");
        assertThat(cf.options().user()).isEqualTo("app");
        assertThat(cf.getPrefetch()).isEqualTo(7);
    }

    @Test
    void aFactoryNameWithDotsIsMatchedWhole() throws Exception {
        Context ctx = context("connectionfactory.jms.cf", "vm://local", "connectionfactory.jms", "vm://local",
                "property.connectionfactory.jms.cf.clientID", "dotted");

        assertThat(((WarrenConnectionFactory) ctx.lookup("jms.cf")).getClientID()).isEqualTo("dotted");
        assertThat(((WarrenConnectionFactory) ctx.lookup("jms")).getClientID()).isNull();
    }

    @Test
    void defaultKeysApplyToEveryFactoryAndAFactorysOwnKeyWins() throws Exception {
        Context ctx = context("connectionfactory.a", "vm://local", "connectionfactory.b", "vm://local",
                "default.connectionfactory.prefetch", "3",
                "property.connectionfactory.b.prefetch", "9");

        assertThat(((WarrenConnectionFactory) ctx.lookup("a")).getPrefetch()).isEqualTo(3);
        assertThat(((WarrenConnectionFactory) ctx.lookup("b")).getPrefetch()).isEqualTo(9);
    }

    @Test
    void propertyKeysReachTheActiveMqDefaultFactories() throws Exception {
        Context ctx = context(Context.PROVIDER_URL, "vm://local",
                "property.connectionfactory.ConnectionFactory.clientID", "amq");

        assertThat(((WarrenConnectionFactory) ctx.lookup("ConnectionFactory")).getClientID()).isEqualTo("amq");
        assertThat(((WarrenConnectionFactory) ctx.lookup("QueueConnectionFactory")).getClientID()).isNull();
    }

    @Test
    void aKeyWarrensFactoriesDoNotHaveFailsNamingItAndListingTheSupportedOnes() {
        assertThatThrownBy(() -> context("connectionfactory.cf", "vm://local",
                "property.connectionfactory.cf.prefetchPolicy.queuePrefetch", "5"))
                .isInstanceOf(NamingException.class)
                .hasMessageContaining("property.connectionfactory.cf.prefetchPolicy.queuePrefetch")
                .hasMessageContaining("clientID, user (or username), password, prefetch (or prefetchPolicy.all)"
                        + " and trustedPackages");
        assertThatThrownBy(() -> context("connectionfactory.cf", "vm://local",
                "property.connectionfactory.cf.remoteURI", "amqp://localhost"))
                .isInstanceOf(NamingException.class)
                .hasMessageContaining("give the URL as connectionfactory.NAME=URL");
        assertThatThrownBy(() -> context("default.connectionfactory.forceAsyncSend", "true"))
                .isInstanceOf(NamingException.class)
                .hasMessageContaining("default.connectionfactory.forceAsyncSend");
    }

    @Test
    void aKeyForAFactoryThatIsNotBoundFailsListingTheFactories() {
        assertThatThrownBy(() -> context("connectionfactory.cf", "vm://local",
                "property.connectionfactory.other.clientID", "x"))
                .isInstanceOf(NamingException.class)
                .hasMessageContaining("property.connectionfactory.other.clientID names no connection factory")
                .hasMessageContaining("[cf]");
    }

    @Test
    void aMalformedValueFailsNamingTheKey() {
        assertThatThrownBy(() -> context("connectionfactory.cf", "vm://local",
                "property.connectionfactory.cf.prefetch", "0"))
                .isInstanceOf(NamingException.class)
                .hasMessageContaining("property.connectionfactory.cf.prefetch=0 must be a whole number of at least 1");
        assertThatThrownBy(() -> context("connectionfactory.cf", "vm://local",
                "property.connectionfactory.cf.clientID", " "))
                .isInstanceOf(NamingException.class)
                .hasMessageContaining("property.connectionfactory.cf.clientID must be a non-empty String");
    }
}
