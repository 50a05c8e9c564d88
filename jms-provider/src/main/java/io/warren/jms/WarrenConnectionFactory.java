package io.warren.jms;

import io.warren.jms.client.WarrenConnection;
import io.warren.jms.client.WarrenJMSContext;
import io.warren.jms.client.ClientOptions;
import io.warren.jms.url.ConnectionUrl;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import java.io.Serializable;
import java.util.List;
import javax.naming.NamingException;
import javax.naming.Reference;
import javax.naming.Referenceable;
import javax.naming.StringRefAddr;

/**
 * Warren's JMS connection factory, configured by a connection URL such as {@code vm://local} (see
 * {@link ConnectionUrl} for the options). Setters override the URL's client options. Serializable and
 * {@link Referenceable}, so it can be bound in JNDI.
 *
 * <pre>{@code
 * ConnectionFactory cf = new WarrenConnectionFactory("vm://local");
 * try (JMSContext ctx = cf.createContext()) {
 *     ctx.createProducer().send(ctx.createQueue("orders"), "hello");
 * }
 * }</pre>
 */
public class WarrenConnectionFactory implements ConnectionFactory, QueueConnectionFactory, TopicConnectionFactory,
        Serializable, Referenceable {
    private static final long serialVersionUID = 1L;
    /** Default URL: an in-memory in-JVM broker named {@code local}. */
    public static final String DEFAULT_URL = "vm://local";
    /** JNDI reference address type holding the URL. */
    public static final String REFERENCE_URL = "url";

    private String url;
    private String clientId;
    private Integer prefetch;
    private List<String> trustedPackages;
    private String user;
    private String password;
    private Boolean sharedClientId;

    public WarrenConnectionFactory() {
        this(DEFAULT_URL);
    }

    /** @throws IllegalArgumentException when the URL is malformed, with a message naming the problem */
    public WarrenConnectionFactory(String url) {
        setUrl(url);
    }

    public String getUrl() {
        return url;
    }

    public final void setUrl(String url) {
        ConnectionUrl.parse(url);
        this.url = url;
    }

    public String getClientID() {
        return clientId;
    }

    /**
     * Client ID given to every connection this factory creates. Only one may be open at a time, unless
     * {@link #setEnableSharedClientID shared}.
     */
    public void setClientID(String clientId) {
        this.clientId = clientId;
    }

    public boolean isEnableSharedClientID() {
        return options().sharedClientId();
    }

    /**
     * Lets several connections with the same client ID be open at once, as a server's connection pool needs (the
     * URL option {@code enableSharedClientID}, as in Artemis). They share its durable subscriptions, whose
     * one-consumer rule still holds, and its no-local scope. A shared client ID is refused while a connection holds
     * it exclusively; an exclusive claim is not refused while connections share it.
     */
    public void setEnableSharedClientID(boolean shared) {
        this.sharedClientId = shared;
    }

    public int getPrefetch() {
        return options().prefetch();
    }

    /**
     * How many messages a consumer may hold ahead of the application (default 256).
     *
     * @throws IllegalArgumentException when {@code prefetch} is less than 1 (Warren has no pull mode)
     */
    public void setPrefetch(int prefetch) {
        if (prefetch < 1) {
            throw new IllegalArgumentException(ClientOptions.prefetchProblem(prefetch));
        }
        this.prefetch = prefetch;
    }

    public List<String> getTrustedPackages() {
        return options().trustedPackages();
    }

    /**
     * Package prefixes whose classes an {@code ObjectMessage} may deserialise (besides {@code java.*} basics);
     * {@code "*"} trusts all, which lets any sender run code in this JVM.
     */
    public void setTrustedPackages(List<String> packages) {
        this.trustedPackages = List.copyOf(packages);
    }

    public void setUser(String user) {
        this.user = user;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** The options connections get: the URL's, overridden by this factory's setters. */
    public ClientOptions options() {
        ConnectionUrl parsed = ConnectionUrl.parse(url);
        return ClientOptions.from(parsed, clientId, prefetch, trustedPackages, user, password,
                sharedClientId);
    }

    /**
     * {@link #options()} for a connection being opened: the URL and setters were checked when given, but should a
     * subclass let a bad value through, the caller gets the {@code JMSException} the JMS methods declare.
     */
    protected final ClientOptions connectionOptions() throws JMSException {
        try {
            return options();
        } catch (IllegalArgumentException e) {
            throw io.warren.jms.client.JmsExceptions.withCause(new JMSException(e.getMessage()), e);
        }
    }

    @Override
    public Connection createConnection() throws JMSException {
        return WarrenConnection.open(connectionOptions(), null, null);
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return WarrenConnection.open(connectionOptions(), userName, password);
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return createQueueConnection(null, null);
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        WarrenConnection c = WarrenConnection.open(connectionOptions(), userName, password);
        c.markQueueConnection();
        return c;
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return WarrenConnection.open(connectionOptions(), null, null);
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String password) throws JMSException {
        return WarrenConnection.open(connectionOptions(), userName, password);
    }

    @Override
    public JMSContext createContext() {
        return createContext(null, null, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return createContext(userName, password, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        WarrenJMSContext.checkSessionMode(sessionMode);
        try {
            return new WarrenJMSContext(WarrenConnection.open(connectionOptions(), userName, password), sessionMode,
                    true);
        } catch (JMSException e) {
            throw io.warren.jms.client.JmsExceptions.toRuntime(e);
        }
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return createContext(null, null, sessionMode);
    }

    @Override
    public Reference getReference() throws NamingException {
        Reference ref = new Reference(getClass().getName(), "io.warren.jndi.WarrenObjectFactory", null);
        ref.add(new StringRefAddr(REFERENCE_URL, url));
        if (clientId != null) {
            ref.add(new StringRefAddr("clientID", clientId));
        }
        if (prefetch != null) {
            ref.add(new StringRefAddr("prefetch", String.valueOf(prefetch)));
        }
        if (trustedPackages != null) {
            ref.add(new StringRefAddr("trustedPackages", String.join(",", trustedPackages)));
        }
        if (sharedClientId != null) {
            ref.add(new StringRefAddr(ClientOptions.SHARED_CLIENT_ID, sharedClientId.toString()));
        }
        return ref;
    }

    @Override
    public String toString() {
        return "WarrenConnectionFactory[" + ConnectionUrl.redact(url) + "]";
    }

    static JMSRuntimeException unchecked(JMSException e) {
        return io.warren.jms.client.JmsExceptions.toRuntime(e);
    }
}
