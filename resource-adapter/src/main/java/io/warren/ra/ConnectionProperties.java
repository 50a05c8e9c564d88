package io.warren.ra;

import java.io.Serializable;

/**
 * The connection properties that the resource adapter, each connection pool (managed connection factory) and each
 * activation spec carry as JavaBean properties: {@code connectionUrl}, {@code user}, {@code password}. Unset
 * (null or blank) values inherit from the level above: activation spec or pool, then adapter, then
 * {@link ConnectionSettings#DEFAULT_URL}. Configured by the server on one thread before use.
 */
public abstract class ConnectionProperties implements Serializable {
    private static final long serialVersionUID = 1L;

    private String connectionUrl;
    private String user;
    private String password;

    /** These properties over {@code inherited}: each one that is set replaces the inherited value. */
    public ConnectionSettings over(ConnectionSettings inherited) {
        return inherited.overriddenBy(connectionUrl, user, password);
    }

    public String getConnectionUrl() {
        return connectionUrl;
    }

    /** A Warren connection URL: {@code vm://NAME} for a broker in this JVM, {@code amqp://host:port} for a server. */
    public void setConnectionUrl(String connectionUrl) {
        this.connectionUrl = connectionUrl;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
