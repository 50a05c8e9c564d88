package io.warren.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.Channel;
import io.warren.message.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrometheusEndpointTest {
    private final Broker broker = Broker.start(BrokerConfig.builder("prom-" + System.nanoTime()).jmx(false).build());
    private final PrometheusMetrics metrics = new PrometheusMetrics(broker);
    private final PrometheusEndpoint endpoint = PrometheusEndpoint.start(metrics, "127.0.0.1", 0);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        endpoint.close();
        metrics.close();
        broker.close();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsAreServedWithoutLoginInPrometheusTextFormat() throws Exception {
        Channel ch = broker.defaultVirtualHost().connect("t").createChannel();
        ch.queueDeclare("orders", true, false, false, Map.of());
        for (int i = 0; i < 3; i++) {
            ch.publish("", "orders", Message.builder().body(new byte[] {1}).build()).join();
        }

        HttpResponse<String> response = send("GET", "/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue(PrometheusMetrics.CONTENT_TYPE);
        assertThat(response.body())
                .contains("warren_queue_messages_ready{queue=\"orders\",vhost=\"/\"} 3")
                .contains("warren_queue_messages_published_total{queue=\"orders\",vhost=\"/\"} 3")
                .contains("jvm_memory_used_bytes");
        assertThat(send("GET", "/metrics/per-object").statusCode()).isEqualTo(200);
    }

    @Test
    void headHasNoBodyOtherPathsAre404AndOtherMethods405() throws Exception {
        HttpResponse<String> head = send("HEAD", "/metrics");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(send("GET", "/api/overview").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/overview").body()).contains("/metrics");
        HttpResponse<String> post = send("POST", "/metrics");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("allow")).hasValue("GET, HEAD");
    }

    @Test
    void closingFreesThePort() throws Exception {
        int port = endpoint.port();
        endpoint.close();
        assertThat(endpoint.port()).isEqualTo(-1);
        try (PrometheusEndpoint again = PrometheusEndpoint.start(metrics, "127.0.0.1", port)) {
            assertThat(again.port()).isEqualTo(port);
        }
    }
}
