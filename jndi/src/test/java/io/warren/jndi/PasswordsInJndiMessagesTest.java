package io.warren.jndi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.jms.WarrenConnectionFactory;
import java.util.Hashtable;
import javax.naming.CompositeName;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.Reference;
import javax.naming.StringRefAddr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** No JNDI failure shows a password of the environment or reference it names, nor any piece of one. */
class PasswordsInJndiMessagesTest {

    private static Context context(String key, String value) throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(key, value);
        return new WarrenInitialContextFactory().getInitialContext(env);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "connectionfactory.cf|amqp://bob:s3cr/et@host",
        "connectionfactory.cf|amqp://bob:s3cr?et@host",
        "connectionFactory.cf|amqp://bob:s3cret@host?type=BAD",
        "connectionFactory.cf|amqp://bob:s3cret@host:99999",
        "connectionfactory.cf|vm://x?password=s3cret&prefetch=0",
        "connectionfactory.cf|amqps://bob@host?trustStorePassword=s3cret&verifyHost=x",
        "java.naming.provider.url|tcp://bob:s3cret@host",
        "java.naming.provider.url|amqp:/bob:s3cret@host",
    })
    void anEnvironmentEntryWithAPasswordFailsWithoutShowingIt(String key, String url) {
        assertThatThrownBy(() -> context(key, url)).isInstanceOf(NamingException.class)
                .satisfies(e -> assertThat(e.toString()).contains(key).doesNotContain("s3c", "cr/", "et@"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "amqp://bob:s3cr/et@host",
        "amqp://bob:s3cret@host?prefetch=0",
        "vm://x?password=s3cret&jmx=maybe",
    })
    void aReferenceWithAPasswordInItsUrlFailsWithoutShowingIt(String url) {
        Reference ref = new Reference(WarrenConnectionFactory.class.getName(), WarrenObjectFactory.class.getName(),
                null);
        ref.add(new StringRefAddr("url", url));

        assertThatThrownBy(() -> new WarrenObjectFactory().getObjectInstance(ref, new CompositeName("jms/cf"), null,
                null)).isInstanceOf(NamingException.class)
                .satisfies(e -> assertThat(e.toString()).contains("url").doesNotContain("s3c", "cr/", "et@"));
    }
}
