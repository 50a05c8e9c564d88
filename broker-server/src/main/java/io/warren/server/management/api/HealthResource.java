package io.warren.server.management.api;

import io.warren.broker.Broker;
import io.warren.broker.BrokerException;
import io.warren.broker.Channel;
import io.warren.broker.ClientConnection;
import io.warren.broker.Delivery;
import io.warren.broker.VirtualHost;
import io.warren.message.Message;
import io.warren.server.flow.ResourceAlarms;
import io.warren.server.management.http.Access;
import io.warren.server.management.http.ApiRequest;
import io.warren.server.management.http.ApiResponse;
import io.warren.server.management.http.Routes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Health checks for load balancers and monitoring. {@code GET /api/aliveness-test/{vhost}} does what
 * RabbitMQ's does: declares the non-durable queue {@code aliveness-test} in the vhost (and leaves it there),
 * publishes a message to it through the default exchange and gets it back, answering {@code {"status":"ok"}}
 * or 503 {@code {"status":"failed","reason":...}}; the user needs access to the vhost. {@code GET
 * /api/health/checks/alarms} answers {@code {"status":"ok"}}, or 503 with the alarms in effect (memory:
 * queued messages at the broker's limit; disk: free space below {@code disk_free_limit}) while publishers are
 * blocked.
 */
final class HealthResource implements ApiResource {
    static final String ALIVENESS_QUEUE = "aliveness-test";
    private static final byte[] PAYLOAD = "test_message".getBytes(StandardCharsets.UTF_8);
    private static final long PUBLISH_TIMEOUT_SECONDS = 10;

    private final Broker broker;
    private final ResourceAlarms alarms;
    private final VhostAccess vhosts;

    HealthResource(ManagementContext context) {
        this.broker = context.broker();
        this.alarms = context.alarms();
        this.vhosts = new VhostAccess(context);
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/aliveness-test/{vhost}", Access.MANAGEMENT, this::aliveness)
                .get("/api/health/checks/alarms", Access.MANAGEMENT, this::alarms);
    }

    private ApiResponse aliveness(ApiRequest request) throws InterruptedException {
        VirtualHost vhost = vhosts.require(request.user(), request.param("vhost"));
        try (ClientConnection connection = vhost.connect("management aliveness-test")) {
            Channel channel = connection.createChannel();
            channel.queueDeclare(ALIVENESS_QUEUE, false, false, false, Map.of());
            // Not waiting for memory: under a memory alarm the check should answer, not hang.
            channel.publish("", ALIVENESS_QUEUE, Message.builder().body(PAYLOAD).build(), false)
                    .get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Delivery delivery = channel.get(ALIVENESS_QUEUE, true, null);
            if (delivery == null || !Arrays.equals(delivery.message().body(), PAYLOAD)) {
                return failed("the test message published to queue '" + ALIVENESS_QUEUE + "' in vhost '"
                        + vhost.name() + "' did not come back", null);
            }
            return ApiResponse.ok(Map.of("status", "ok"));
        } catch (BrokerException e) {
            return failed(e.getMessage(), null);
        } catch (ExecutionException e) {
            return failed("publishing the test message failed: " + e.getCause().getMessage(), null);
        } catch (TimeoutException e) {
            return failed("publishing the test message took longer than " + PUBLISH_TIMEOUT_SECONDS + " s", null);
        }
    }

    private ApiResponse alarms(ApiRequest request) {
        List<String> active = new ArrayList<>();
        if (!broker.memory().hasCapacity()) {
            active.add("memory");
        }
        if (alarms.diskAlarm()) {
            active.add("disk");
        }
        if (active.isEmpty()) {
            return ApiResponse.ok(Map.of("status", "ok"));
        }
        List<Map<String, String>> list = active.stream()
                .map(resource -> Map.of("node", broker.name(), "resource", resource))
                .toList();
        return failed("resource alarm(s) in effect: " + String.join(", ", active), list);
    }

    private static ApiResponse failed(String reason, List<Map<String, String>> alarms) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "failed");
        body.put("reason", reason);
        if (alarms != null) {
            body.put("alarms", alarms);
        }
        return ApiResponse.json(503, body);
    }
}
