package io.warren.jndi;

import java.util.Hashtable;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.spi.InitialContextFactory;

/**
 * JNDI initial context factory for Warren: set {@code java.naming.factory.initial} to this class and describe
 * the objects in the environment (or {@code jndi.properties}) with the keys other JMS providers use, so that
 * switching an application to Warren changes one line:
 * <pre>
 * java.naming.factory.initial=io.warren.jndi.WarrenInitialContextFactory
 * connectionFactory.ConnectionFactory=vm://local      # also: connectionfactory.NAME (Qpid JMS)
 * queue.orders=orders
 * topic.news=news.eu
 * </pre>
 * ActiveMQ Classic's {@code connectionFactoryNames} with {@code java.naming.provider.url} works too, and when no
 * factory is named the Artemis/Qpid way, {@code ConnectionFactory}, {@code QueueConnectionFactory} and
 * {@code TopicConnectionFactory} are bound to the provider URL (default {@code vm://local}), as ActiveMQ does.
 * {@code dynamicQueues/NAME} and {@code dynamicTopics/NAME} create destinations on lookup.
 *
 * <p>The context is read-only. A malformed entry fails here, with a {@link NamingException} naming its key.
 */
public class WarrenInitialContextFactory implements InitialContextFactory {

    /** Public no-argument constructor, as {@link javax.naming.InitialContext} requires. */
    public WarrenInitialContextFactory() {
    }

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) throws NamingException {
        return new ReadOnlyContext(EnvironmentParser.parse(environment), environment, "");
    }
}
