package io.warren.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.BrokerConfig;
import io.warren.broker.store.journal.SyncPolicy;
import io.warren.server.ServerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationLoaderTest {

    @Test
    void defaultsAreRabbitMqs() {
        ServerConfiguration config = ServerConfiguration.defaults();
        ServerSettings settings = config.serverSettings();

        assertThat(settings.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(settings.port()).isEqualTo(5672);
        assertThat(settings.tlsPort()).isEqualTo(-1);
        assertThat(settings.channelMax()).isEqualTo(2047);
        assertThat(settings.frameMax()).isEqualTo(131072);
        assertThat(settings.heartbeat()).isEqualTo(60);
        assertThat(settings.maxConnections()).isZero();
        assertThat(settings.handshakeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.dataDirectory()).isEqualTo(Path.of("data"));
        assertThat(config.syncPolicy()).isEqualTo(SyncPolicy.ALWAYS);
        assertThat(config.brokerName()).isEqualTo("warren");
        assertThat(config.memoryLimit()).isEmpty();
        assertThat(config.virtualHosts()).containsExactly("/");
        assertThat(config.users()).singleElement().satisfies(u -> {
            assertThat(u.name()).isEqualTo("guest");
            assertThat(u.password()).isEqualTo("guest");
            assertThat(u.tags()).containsExactly("administrator");
            assertThat(u.loopbackOnly()).isTrue();
        });
        assertThat(config.permissions()).singleElement().satisfies(g -> {
            assertThat(g.user()).isEqualTo("guest");
            assertThat(g.permission().vhost()).isEqualTo("/");
            assertThat(g.permission().configure()).isEqualTo(".*");
            assertThat(g.permission().write()).isEqualTo(".*");
            assertThat(g.permission().read()).isEqualTo(".*");
        });
    }

    @Test
    void everyListenerLimitAndBrokerKeyIsRead() {
        ServerConfiguration config = ConfigurationLoader.parse("warren.conf", """
                # a comment
                   # an indented comment

                broker.name = prod-1
                data_dir = /var/lib/warren
                journal.sync = batched
                listeners.tcp.default = 127.0.0.1:5673
                channel_max = 100
                frame_max = 65536
                heartbeat = 30
                handshake_timeout = 5000
                max_message_size = 16MiB
                connection_max = 500
                vm_memory_high_watermark.absolute = 512MB
                """);
        ServerSettings settings = config.serverSettings();
        BrokerConfig broker = config.brokerConfig();

        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(5673);
        assertThat(settings.channelMax()).isEqualTo(100);
        assertThat(settings.frameMax()).isEqualTo(65536);
        assertThat(settings.heartbeat()).isEqualTo(30);
        assertThat(settings.handshakeTimeout()).isEqualTo(Duration.ofMillis(5000));
        assertThat(settings.maxMessageSize()).isEqualTo(16L * 1024 * 1024);
        assertThat(settings.maxConnections()).isEqualTo(500);
        assertThat(broker.name()).isEqualTo("prod-1");
        assertThat(broker.dataDirectory()).isEqualTo(Path.of("/var/lib/warren"));
        assertThat(broker.syncPolicy()).isEqualTo(SyncPolicy.BATCHED);
        assertThat(broker.maxMemoryBytes()).isEqualTo(512_000_000L);
    }

    @Test
    void relativeMemoryWatermarkIsAShareOfTheMaximumHeap() {
        ServerConfiguration config = ConfigurationLoader.parse("w", "vm_memory_high_watermark.relative = 0.25");

        assertThat(config.memoryLimit()).contains(MemoryLimit.relative(0.25));
        assertThat(config.brokerConfig().maxMemoryBytes()).isEqualTo((long) (Runtime.getRuntime().maxMemory() * 0.25));
    }

    @Test
    void pagingKeysReachTheEngineWithUnits() {
        BrokerConfig broker = ConfigurationLoader.parse("w", """
                vm_memory_high_watermark.absolute = 1GiB
                vm_memory_high_watermark_paging_ratio = 0.75
                paging.queue_threshold = 32MiB
                paging.max_disk = 10GB
                paging.file_size = 4M
                paging.read_ahead = 64
                """).brokerConfig();

        assertThat(broker.paging()).isTrue();
        assertThat(broker.pagingWatermark()).isEqualTo(0.75);
        assertThat(broker.queuePagingThreshold()).isEqualTo(32L << 20);
        assertThat(broker.pagingMaxDisk()).isEqualTo(10_000_000_000L);
        assertThat(broker.pageFileSize()).isEqualTo(4L << 20);
        assertThat(broker.pagingReadAhead()).isEqualTo(64);
    }

    @Test
    void pagingKeysLeftOutKeepTheEngineDefaultsAndPagingCanBeTurnedOffFromTheCommandLine() {
        BrokerConfig engineDefaults = BrokerConfig.builder("warren").maxMemory(512_000_000L).build();

        BrokerConfig broker = ConfigurationLoader.load(Optional.empty(), List.of(
                ConfigEntry.fromCommandLine("vm_memory_high_watermark.absolute", "512MB"),
                ConfigEntry.fromCommandLine("paging.enabled", "false"))).brokerConfig();

        assertThat(broker.paging()).isFalse();
        assertThat(broker.pagingWatermark()).isEqualTo(engineDefaults.pagingWatermark());
        assertThat(broker.queuePagingThreshold()).isEqualTo(engineDefaults.queuePagingThreshold());
        assertThat(broker.pagingMaxDisk()).isEqualTo(engineDefaults.pagingMaxDisk());
        assertThat(broker.pageFileSize()).isEqualTo(engineDefaults.pageFileSize());
        assertThat(broker.pagingReadAhead()).isEqualTo(engineDefaults.pagingReadAhead());
        assertThat(ServerConfiguration.defaults().paging()).isEqualTo(PagingSettings.defaults());
    }

    @Test
    void channelMaxZeroMeansTheProtocolMaximumAndInfinityMeansNoConnectionLimit() {
        ServerSettings settings = ConfigurationLoader.parse("w", "channel_max = 0\nconnection_max = infinity")
                .serverSettings();

        assertThat(settings.channelMax()).isEqualTo(65535);
        assertThat(settings.maxConnections()).isZero();
    }

    @Test
    void listenersTcpNoneWithATlsListenerLeavesOnlyAmqps() throws Exception {
        ServerConfiguration config = ConfigurationLoader.parse("w", """
                listeners.tcp = none
                listeners.ssl.default = 5671
                ssl_options.certfile = %s
                ssl_options.keyfile = %s
                """.formatted(TestPem.path("server_certificate.pem"), TestPem.path("server_key.pem")));

        assertThat(config.amqpPort()).isEmpty();
        assertThat(config.amqpsPort()).contains(5671);
        assertThat(config.serverSettings().port()).isEqualTo(-1);
    }

    @Test
    void aHostOnTheTlsListenerAppliesToBothListeners() throws Exception {
        ServerConfiguration config = ConfigurationLoader.parse("w", """
                listeners.tcp.default = 5672
                listeners.ssl.default = [::1]:5671
                ssl_options.certfile = %s
                ssl_options.keyfile = %s
                """.formatted(TestPem.path("server_certificate.pem"), TestPem.path("server_key.pem")));

        assertThat(config.bindAddress()).isEqualTo("::1");
    }

    @Test
    void aKeySetTwiceTakesTheLaterValue() {
        ServerConfiguration config = ConfigurationLoader.parse("w", "heartbeat = 10\nheartbeat = 20");

        assertThat(config.limits().heartbeat()).isEqualTo(20);
    }

    @Test
    void commandLineOverridesBeatTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("warren.conf"), """
                listeners.tcp.default = 5672
                data_dir = /from/file
                heartbeat = 10
                """);

        ServerConfiguration config = ConfigurationLoader.load(Optional.of(file), List.of(
                ConfigEntry.fromCommandLine("listeners.tcp.default", "5673"),
                ConfigEntry.fromCommandLine("data_dir", "/var/lib/warren")));

        assertThat(config.amqpPort()).contains(5673);
        assertThat(config.dataDirectory()).isEqualTo(Path.of("/var/lib/warren"));
        assertThat(config.limits().heartbeat()).isEqualTo(10);
    }

    @Test
    void theManagementApiListensOnRabbitMqsPortOnTheAmqpInterfaceByDefault() {
        assertThat(ServerConfiguration.defaults().managementListener())
                .contains(new ListenerAddress("0.0.0.0", 15672));
        assertThat(ConfigurationLoader.parse("w", "listeners.tcp.default = 127.0.0.2:5672").managementListener())
                .contains(new ListenerAddress("127.0.0.2", 15672));
    }

    @Test
    void managementKeysSetPortAndInterface() {
        ServerConfiguration config = ConfigurationLoader.parse("w", """
                management.tcp.port = 15673
                management.tcp.ip = [::1]
                """);

        assertThat(config.managementListener()).contains(new ListenerAddress("::1", 15673));
        assertThat(config.toString()).contains("management=::1:15673");
    }

    @Test
    void managementCanBeTurnedOff() {
        ServerConfiguration config = ConfigurationLoader.parse("w", "management.enabled = false");

        assertThat(config.managementListener()).isEmpty();
        assertThat(config.toString()).contains("management=off");
    }

    @Test
    void theManagementPortMayBeZeroForAnyFreePort() {
        assertThat(ConfigurationLoader.parse("w", "listeners.tcp.default = 0\nmanagement.tcp.port = 0")
                .managementListener()).contains(new ListenerAddress("0.0.0.0", 0));
    }

    @Test
    void aValueKeepsHashSignsAndSurroundingSpaceIsTrimmed() {
        ServerConfiguration config = ConfigurationLoader.parse("w", "  default_pass   =   s3cr#t  ");

        assertThat(config.users().get(0).password()).isEqualTo("s3cr#t");
    }
}
