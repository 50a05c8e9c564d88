package io.warren.server.management.api;

import io.warren.broker.Broker;
import io.warren.broker.ClientConnection;
import io.warren.broker.management.ChannelInfo;
import io.warren.broker.management.ConnectionInfo;
import io.warren.broker.security.User;
import io.warren.server.management.http.Access;
import io.warren.server.management.http.ApiException;
import io.warren.server.management.http.ApiRequest;
import io.warren.server.management.http.ApiResponse;
import io.warren.server.management.http.Routes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code /api/connections}, {@code /api/vhosts/{vhost}/connections}, {@code /api/channels} and
 * {@code /api/vhosts/{vhost}/channels}: the client connections (network and in-JVM) and their channels.
 * As in RabbitMQ, monitoring users and administrators see every connection, other management users only
 * their own; a user may close their own connection, an administrator any ({@code DELETE
 * /api/connections/{name}}, the {@code X-Reason} header becoming the reason the client is given with
 * {@code 320 CONNECTION_FORCED}).
 */
final class ConnectionsResource implements ApiResource {
    static final String DEFAULT_REASON = "closed via the management API";

    private final Broker broker;
    private final VhostAccess vhosts;

    ConnectionsResource(ManagementContext context) {
        this.broker = context.broker();
        this.vhosts = new VhostAccess(context);
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/connections", Access.MANAGEMENT, this::listConnections)
                .get("/api/connections/{name}", Access.MANAGEMENT, this::showConnection)
                .delete("/api/connections/{name}", Access.MANAGEMENT, this::close)
                .get("/api/connections/{name}/channels", Access.MANAGEMENT, this::channelsOfConnection)
                .get("/api/vhosts/{vhost}/connections", Access.MANAGEMENT, this::connectionsOfVhost)
                .get("/api/channels", Access.MANAGEMENT, this::listChannels)
                .get("/api/channels/{name}", Access.MANAGEMENT, this::showChannel)
                .get("/api/vhosts/{vhost}/channels", Access.MANAGEMENT, this::channelsOfVhost);
    }

    /** Snapshots of the connections {@code user} may see that pass {@code filter}, by name. */
    private List<ConnectionInfo> visible(User user, Predicate<ConnectionInfo> filter) {
        boolean all = Access.MONITORING.admits(user);
        List<ConnectionInfo> out = new ArrayList<>();
        for (ClientConnection c : broker.connections()) {
            ConnectionInfo info = c.info();
            if ((all || info.details().user().equals(user.name())) && filter.test(info)) {
                out.add(info);
            }
        }
        out.sort(Comparator.comparing(ClientViews::name));
        return out;
    }

    private ConnectionInfo require(ApiRequest request) {
        String name = request.param("name");
        return visible(request.user(), c -> ClientViews.name(c).equals(name) || c.id().equals(name)).stream()
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("no connection '" + name + "'"));
    }

    private ApiResponse listConnections(ApiRequest request) {
        return ApiResponse.ok(visible(request.user(), c -> true).stream()
                .map(c -> ClientViews.connection(broker.name(), c)).toList());
    }

    private ApiResponse connectionsOfVhost(ApiRequest request) {
        String vhost = vhosts.require(request.user(), request.param("vhost")).name();
        return ApiResponse.ok(visible(request.user(), c -> c.virtualHost().equals(vhost)).stream()
                .map(c -> ClientViews.connection(broker.name(), c)).toList());
    }

    private ApiResponse showConnection(ApiRequest request) {
        return ApiResponse.ok(ClientViews.connection(broker.name(), require(request)));
    }

    private ApiResponse close(ApiRequest request) {
        ConnectionInfo info = require(request);
        User user = request.user();
        if (!info.details().user().equals(user.name()) && !Access.ADMINISTRATOR.admits(user)) {
            throw ApiException.accessRefused("user '" + user.name() + "' may close only their own connections; "
                    + "closing others' needs the administrator tag");
        }
        String reason = request.header("X-Reason").filter(r -> !r.isBlank()).orElse(DEFAULT_REASON);
        broker.connection(info.id()).ifPresent(c -> c.forceClose(reason));
        return ApiResponse.noContent();
    }

    private ApiResponse channelsOfConnection(ApiRequest request) {
        ConnectionInfo c = require(request);
        return ApiResponse.ok(c.channels().stream().map(ch -> ClientViews.channel(c, ch)).toList());
    }

    private ApiResponse listChannels(ApiRequest request) {
        return ApiResponse.ok(channels(visible(request.user(), c -> true)));
    }

    private ApiResponse channelsOfVhost(ApiRequest request) {
        String vhost = vhosts.require(request.user(), request.param("vhost")).name();
        return ApiResponse.ok(channels(visible(request.user(), c -> c.virtualHost().equals(vhost))));
    }

    private ApiResponse showChannel(ApiRequest request) {
        String name = request.param("name");
        for (ConnectionInfo c : visible(request.user(), c -> true)) {
            for (ChannelInfo ch : c.channels()) {
                if (ClientViews.channelName(c, ch).equals(name) || (c.id() + " (" + ch.number() + ")").equals(name)) {
                    return ApiResponse.ok(ClientViews.channel(c, ch));
                }
            }
        }
        throw ApiException.notFound("no channel '" + name + "'");
    }

    private static List<ClientViews.ChannelView> channels(List<ConnectionInfo> connections) {
        List<ClientViews.ChannelView> out = new ArrayList<>();
        for (ConnectionInfo c : connections) {
            c.channels().forEach(ch -> out.add(ClientViews.channel(c, ch)));
        }
        return out;
    }
}
