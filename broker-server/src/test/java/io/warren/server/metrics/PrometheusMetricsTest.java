package io.warren.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.Channel;
import io.warren.message.Message;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusMetricsTest {
    @TempDir
    Path dir;

    private Broker broker;
    private PrometheusMetrics metrics;

    private Channel start(BrokerConfig config) {
        broker = Broker.start(config);
        metrics = new PrometheusMetrics(broker);
        return broker.defaultVirtualHost().connect("test").createChannel();
    }

    @AfterEach
    void stop() {
        if (metrics != null) {
            metrics.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static Message text(String body, boolean persistent) {
        return Message.builder().persistent(persistent).body(body.getBytes(StandardCharsets.UTF_8)).build();
    }

    @Test
    void scrapeRendersQueueMetersInPrometheusTextWithVirtualHostAndQueueLabels() {
        Channel ch = start(BrokerConfig.builder("prometheus-queues").build());
        ch.queueDeclare("q", false, false, false, Map.of());
        for (int i = 0; i < 3; i++) {
            ch.publish("", "q", text("m" + i, false)).join();
        }

        String scrape = metrics.scrape();

        assertThat(scrape)
                .contains("# TYPE warren_queue_messages_ready gauge")
                .contains("warren_queue_messages_ready{queue=\"q\",vhost=\"/\"} 3")
                .contains("# TYPE warren_queue_messages_published_total counter")
                .contains("warren_queue_messages_published_total{queue=\"q\",vhost=\"/\"} 3")
                .contains("warren_messages_ready 3")
                .contains("warren_queues{vhost=\"/\"} 1")
                .contains("warren_connections{vhost=\"/\"} 1")
                .contains("warren_memory_limit_bytes ")
                .contains("warren_memory_alarm 0");
    }

    @Test
    void scrapeIncludesJvmAndProcessMeters() {
        start(BrokerConfig.builder("prometheus-jvm").build());

        assertThat(metrics.scrape())
                .contains("jvm_memory_used_bytes{")
                .contains("jvm_threads_live_threads ")
                .contains("system_cpu_count ")
                .contains("process_uptime_seconds ");
    }

    @Test
    void journalSyncTimerIsRenderedAsAHistogramWithBuckets() {
        Channel ch = start(BrokerConfig.builder("prometheus-journal").dataDirectory(dir).build());
        ch.queueDeclare("durable", true, false, false, Map.of());
        ch.publish("", "durable", text("kept", true)).join();

        assertThat(metrics.scrape())
                .contains("# TYPE warren_journal_sync_seconds histogram")
                .contains("warren_journal_sync_seconds_bucket{le=\"0.001\"}")
                .contains("warren_journal_sync_seconds_bucket{le=\"+Inf\"}")
                .containsPattern("warren_journal_sync_seconds_count [1-9]")
                .containsPattern("warren_journal_syncs_total [1-9]")
                .contains("warren_journal_size_bytes ");
    }

    @Test
    void contentTypeIsThePrometheusTextFormatThatScrapeRenders() {
        start(BrokerConfig.builder("prometheus-content-type").build());

        assertThat(metrics.contentType()).isEqualTo(PrometheusTextFormatWriter.CONTENT_TYPE)
                .isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        // The 0.0.4 text format has no "# EOF" trailer, unlike OpenMetrics.
        assertThat(metrics.scrape()).doesNotContain("# EOF");
    }

    @Test
    void closeRemovesTheBrokerMetersFromTheRegistry() {
        Channel ch = start(BrokerConfig.builder("prometheus-close").build());
        ch.queueDeclare("q", false, false, false, Map.of());

        metrics.close();

        assertThat(metrics.registry().find("warren.queue.messages.ready").meters()).isEmpty();
        assertThat(metrics.registry().find("warren.memory.used.bytes").meters()).isEmpty();
    }
}
