package io.warren.ra.outbound;

import io.warren.ra.ConnectionProperties;
import io.warren.ra.ConnectionSettings;
import io.warren.ra.PhysicalConnections;
import io.warren.ra.WarrenResourceAdapter;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.security.PasswordCredential;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.Subject;

/**
 * The outbound connection definition: the server creates one per connection pool, configured with optional
 * {@code connectionUrl}, {@code user}, {@code password} and {@code clientID} that override the resource adapter's.
 * It makes the application's {@link WarrenRaConnectionFactory} and the pool's {@link WarrenManagedConnection}s.
 *
 * <p>Credentials of a managed connection come, in order, from the container ({@link PasswordCredential} in the
 * {@link Subject}), from the application ({@code createConnection(user, password)}), then from this factory and
 * the adapter. {@link #matchManagedConnections} hands out a pooled connection only when URL and user agree.
 * Equality is by configuration, as the Connectors specification requires. Configured on one thread before use;
 * thread-safe afterwards.
 */
public class WarrenManagedConnectionFactory extends ConnectionProperties implements ManagedConnectionFactory,
        ResourceAdapterAssociation, TransactionSupport {
    private static final long serialVersionUID = 1L;

    private String clientID;
    private transient ResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager manager) {
        return new WarrenRaConnectionFactory(this, manager);
    }

    /** Outside a server: every connection opens its own physical connection and closes it with the handle. */
    @Override
    public Object createConnectionFactory() {
        return new WarrenRaConnectionFactory(this, new NonManagedConnectionManager());
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
            throws ResourceException {
        return new WarrenManagedConnection(this, settingsFor(subject, info), clientID);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo info) {
        ConnectionSettings wanted = settingsFor(subject, info);
        for (Object candidate : candidates) {
            if (candidate instanceof WarrenManagedConnection mc && mc.factory().equals(this)
                    && mc.settings().equals(wanted)) {
                return mc;
            }
        }
        return null;
    }

    /**
     * The settings for a connection: the adapter's, overridden by this factory's, then by the application's
     * credentials, then by the container's.
     */
    ConnectionSettings settingsFor(Subject subject, ConnectionRequestInfo info) {
        ConnectionSettings s = over(baseSettings());
        if (info instanceof WarrenConnectionRequestInfo cri && cri.user() != null) {
            s = new ConnectionSettings(s.url(), cri.user(), cri.password());
        }
        PasswordCredential credential = credentialFor(subject);
        if (credential != null) {
            s = new ConnectionSettings(s.url(), credential.getUserName(), new String(credential.getPassword()));
        }
        return s;
    }

    private ConnectionSettings baseSettings() {
        return resourceAdapter instanceof WarrenResourceAdapter ra ? ra.settings()
                : new ConnectionSettings(ConnectionSettings.DEFAULT_URL, null, null);
    }

    private PasswordCredential credentialFor(Subject subject) {
        if (subject == null) {
            return null;
        }
        for (PasswordCredential c : subject.getPrivateCredentials(PasswordCredential.class)) {
            if (c.getManagedConnectionFactory() == null || this.equals(c.getManagedConnectionFactory())) {
                return c;
            }
        }
        return null;
    }

    /** Container-managed JTA transactions through XA, local transactions, or none, as the pool is configured. */
    @Override
    public TransactionSupportLevel getTransactionSupport() {
        return TransactionSupportLevel.XATransaction;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) {
        this.resourceAdapter = ra;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    public String getClientID() {
        return clientID;
    }

    /**
     * Client ID of this pool's connections, for durable subscriptions made through them. The pool's connections
     * share it (see {@link PhysicalConnections}), so the pool may hold any number of them.
     */
    public void setClientID(String clientID) {
        this.clientID = clientID;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WarrenManagedConnectionFactory other
                && Objects.equals(getConnectionUrl(), other.getConnectionUrl())
                && Objects.equals(getUser(), other.getUser()) && Objects.equals(getPassword(), other.getPassword())
                && Objects.equals(clientID, other.clientID) && resourceAdapter == other.resourceAdapter;
    }

    @Override
    public int hashCode() {
        return Objects.hash(getConnectionUrl(), getUser(), clientID);
    }

    @Override
    public String toString() {
        return "WarrenManagedConnectionFactory[" + over(baseSettings()) + "]";
    }
}
