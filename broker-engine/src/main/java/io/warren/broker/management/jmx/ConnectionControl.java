package io.warren.broker.management.jmx;

import io.warren.broker.BrokerException;
import io.warren.broker.ClientConnection;
import io.warren.broker.VirtualHost;
import io.warren.broker.management.ChannelInfo;
import io.warren.broker.management.ConnectionInfo;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

/** The {@link ConnectionMXBean} of one client connection, found by id on each call. */
final class ConnectionControl implements ConnectionMXBean {
    /** The reason a client is given when the operator gave none. */
    static final String DEFAULT_REASON = "closed by an operator through JMX";

    private final VirtualHost host;
    private final String id;

    ConnectionControl(VirtualHost host, String id) {
        this.host = host;
        this.id = id;
    }

    static String reasonOrDefault(String reason) {
        return reason == null || reason.isBlank() ? DEFAULT_REASON : reason;
    }

    private Optional<ClientConnection> find() {
        for (ClientConnection c : host.connections()) {
            if (c.id().equals(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private ClientConnection connection() {
        return find().orElseThrow(() -> JmxErrors.gone("connection '" + id + "'"));
    }

    private ConnectionInfo info() {
        return connection().info();
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getVirtualHost() {
        return host.name();
    }

    @Override
    public String getUser() {
        return connection().details().user();
    }

    @Override
    public String getProtocol() {
        return connection().details().protocol();
    }

    @Override
    public String getPeer() {
        return ConnectionRow.peer(connection().details());
    }

    @Override
    public String getClientName() {
        String name = connection().clientName();
        return name == null ? "" : name;
    }

    @Override
    public Date getConnectedAt() {
        return new Date(connection().details().connectedAt());
    }

    @Override
    public int getChannels() {
        return info().channels().size();
    }

    @Override
    public int getConsumers() {
        int n = 0;
        for (ChannelInfo ch : info().channels()) {
            n += ch.consumers().size();
        }
        return n;
    }

    @Override
    public Map<String, String> getClientProperties() {
        return OpenValues.texts(connection().details().clientProperties());
    }

    @Override
    public void close(String reason) throws Exception {
        JmxErrors.run(() -> find()
                .orElseThrow(() -> BrokerException.notFound("connection '" + id + "' (it closed already)"))
                .forceClose(reasonOrDefault(reason)));
    }
}
