package io.warren.server.management.api;

import io.warren.broker.ClientConnection;
import io.warren.broker.VirtualHost;
import io.warren.broker.management.ChannelInfo;
import io.warren.broker.management.ConnectionInfo;
import io.warren.broker.management.ConsumerInfo;
import io.warren.server.management.http.Access;
import io.warren.server.management.http.ApiRequest;
import io.warren.server.management.http.ApiResponse;
import io.warren.server.management.http.Routes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/consumers} and {@code /api/consumers/{vhost}}: every consumer in the vhosts the user may see
 * (RabbitMQ's rule for consumers), with its queue, channel and connection; a JMS consumer's selector shows as
 * the argument {@code x-selector}.
 */
final class ConsumersResource implements ApiResource {
    private final VhostAccess vhosts;

    ConsumersResource(ManagementContext context) {
        this.vhosts = new VhostAccess(context);
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/consumers", Access.MANAGEMENT, this::list)
                .get("/api/consumers/{vhost}", Access.MANAGEMENT, this::ofVhost);
    }

    private ApiResponse list(ApiRequest request) {
        List<ClientViews.ConsumerView> out = new ArrayList<>();
        for (String name : vhosts.visibleTo(request.user())) {
            out.addAll(consumers(vhosts.existing(name)));
        }
        return ApiResponse.ok(out);
    }

    private ApiResponse ofVhost(ApiRequest request) {
        return ApiResponse.ok(consumers(vhosts.require(request.user(), request.param("vhost"))));
    }

    /** The consumers of one queue, by connection and channel. */
    static List<ClientViews.ConsumerView> consumersOf(VirtualHost vhost, String queue) {
        return consumers(vhost).stream().filter(c -> c.queue().name().equals(queue)).toList();
    }

    /** The consumers of one vhost, by connection and channel. */
    static List<ClientViews.ConsumerView> consumers(VirtualHost vhost) {
        List<ClientViews.ConsumerView> out = new ArrayList<>();
        for (ClientConnection c : vhost.connections()) {
            ConnectionInfo info = c.info();
            for (ChannelInfo ch : info.channels()) {
                for (ConsumerInfo co : ch.consumers()) {
                    out.add(ClientViews.consumer(info, ch, co));
                }
            }
        }
        return out;
    }
}
