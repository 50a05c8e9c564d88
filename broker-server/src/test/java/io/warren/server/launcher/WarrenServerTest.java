package io.warren.server.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import com.rabbitmq.client.ShutdownSignalException;
import io.warren.broker.BrokerConfig;
import io.warren.server.config.InvalidConfigException;
import io.warren.server.config.TestPem;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarrenServerTest {
    @TempDir
    Path dataDir;

    private static ConnectionFactory factory(int port) {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("127.0.0.1");
        f.setPort(port);
        f.setAutomaticRecoveryEnabled(false);
        f.setConnectionTimeout(5_000);
        return f;
    }

    /** A client TLS context that trusts the CA which signed the test server certificate. */
    private static SSLContext trustingTestCa() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(TestPem.path("ca_certificate.pem"))) {
            trust.setCertificateEntry("test-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static String text(GetResponse response) {
        return new String(response.getBody(), StandardCharsets.UTF_8);
    }

    @Test
    void aRabbitMqClientPublishesAndGetsThroughTheStartedServer() throws Exception {
        try (WarrenServer server = WarrenServer.start("--listeners.tcp.default=0", "--management.tcp.port=0",
                "--prometheus.tcp.port=0", "--data_dir=" + dataDir);
             Connection connection = factory(server.amqpPort()).newConnection()) {
            Channel channel = connection.createChannel();
            String queue = channel.queueDeclare().getQueue();
            channel.basicPublish("", queue, null, "hello".getBytes(StandardCharsets.UTF_8));

            assertThat(text(channel.basicGet(queue, true))).isEqualTo("hello");
            assertThat(server.amqpsPort()).isEqualTo(-1);
            assertThat(server.broker().config().dataDirectory()).isEqualTo(dataDir);
        }
    }

    @Test
    void pagingOverridesOnTheCommandLineReachTheStartedBroker() {
        try (WarrenServer server = WarrenServer.start("--listeners.tcp.default=127.0.0.1:0", "--management.tcp.port=0",
                "--prometheus.tcp.port=0", "--data_dir=" + dataDir, "--paging.file_size=1MiB",
                "--paging.read_ahead=32", "--vm_memory_high_watermark_paging_ratio=0.8")) {
            BrokerConfig config = server.broker().config();

            assertThat(config.pageFileSize()).isEqualTo(1L << 20);
            assertThat(config.pagingReadAhead()).isEqualTo(32);
            assertThat(config.pagingWatermark()).isEqualTo(0.8);
        }
    }

    @Test
    void aBadPagingOverrideStopsTheStartNamingTheKeyAndRange() {
        assertThatThrownBy(() -> WarrenServer.start("--listeners.tcp.default=127.0.0.1:0", "--management.tcp.port=0",
                "--prometheus.tcp.port=0", "--data_dir=" + dataDir, "--paging.file_size=100"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("command line: paging.file_size: expected a size of 1024..2147483647 bytes, got '100'");
    }

    @Test
    void theManagementApiServesTheStartedBrokerAndStopsWithIt() throws Exception {
        int port;
        try (WarrenServer server = WarrenServer.start("--listeners.tcp.default=127.0.0.1:0",
                "--management.tcp.port=0", "--prometheus.tcp.port=0", "--data_dir=" + dataDir)) {
            port = server.managementPort();
            HttpResponse<String> overview = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/overview"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "guest:guest".getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(overview.statusCode()).isEqualTo(200);
            assertThat(overview.body()).contains("\"protocol\":\"amqp\",\"ip_address\":\"127.0.0.1\",\"port\":"
                    + server.amqpPort()).contains("\"protocol\":\"http\"")
                    .contains("\"protocol\":\"http/prometheus\",\"ip_address\":\"127.0.0.1\",\"port\":"
                            + server.prometheusPort());
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void prometheusScrapesTheStartedBrokerAndStopsWithIt() throws Exception {
        int port;
        try (WarrenServer server = WarrenServer.start("--listeners.tcp.default=127.0.0.1:0",
                "--management.tcp.port=0", "--prometheus.tcp.port=0", "--data_dir=" + dataDir)) {
            port = server.prometheusPort();
            HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("warren_connections{vhost=\"/\"}").contains("warren_journal_syncs_total");
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        try (WarrenServer off = WarrenServer.start("--listeners.tcp.default=127.0.0.1:0", "--management.enabled=false",
                "--prometheus.enabled=false", "--data_dir=" + dataDir)) {
            assertThat(off.prometheusPort()).isEqualTo(-1);
        }
    }

    @Test
    void managementCanBeTurnedOff() {
        try (WarrenServer server = WarrenServer.start("--listeners.tcp.default=127.0.0.1:0",
                "--management.enabled=false", "--prometheus.tcp.port=0", "--data_dir=" + dataDir)) {
            assertThat(server.managementPort()).isEqualTo(-1);
            assertThat(server.amqpPort()).isPositive();
        }
    }

    @Test
    void aManagementPortInUseStopsTheStartNamingTheKey() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));

            assertThatThrownBy(() -> WarrenServer.start("--listeners.tcp.default=127.0.0.1:0",
                    "--management.tcp.port=" + taken.getLocalPort(), "--prometheus.tcp.port=0", "--data_dir=" + dataDir))
                    .hasMessageStartingWith("cannot listen on 127.0.0.1:" + taken.getLocalPort()
                            + " (management HTTP API): ")
                    .hasMessageContaining("management.tcp.port");
        }
        // Everything started before the failure was released: the data directory can be opened again.
        try (WarrenServer again = WarrenServer.start("--listeners.tcp.default=127.0.0.1:0",
                "--management.enabled=false", "--prometheus.tcp.port=0", "--data_dir=" + dataDir)) {
            assertThat(again.broker().isRunning()).isTrue();
        }
    }

    @Test
    void closingTheServerTellsConnectedClientsConnectionForced() throws Exception {
        WarrenServer server = WarrenServer.start("--listeners.tcp.default=0", "--management.tcp.port=0", "--prometheus.tcp.port=0",
                "--data_dir=" + dataDir);
        Connection connection = factory(server.amqpPort()).newConnection();
        AtomicReference<ShutdownSignalException> signal = new AtomicReference<>();
        connection.addShutdownListener(signal::set);

        server.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> signal.get() != null);
        assertThat(((AMQP.Connection.Close) signal.get().getReason()).getReplyCode()).isEqualTo(320);
        assertThat(server.broker().isRunning()).isFalse();
        server.close(); // a second close is harmless
    }

    @Test
    void aPersistentMessageSurvivesARestartOnTheSameDataDirectory() throws Exception {
        try (WarrenServer server = WarrenServer.start("--listeners.tcp.default=0", "--management.tcp.port=0",
                "--prometheus.tcp.port=0", "--data_dir=" + dataDir);
             Connection connection = factory(server.amqpPort()).newConnection()) {
            Channel channel = connection.createChannel();
            channel.queueDeclare("orders", true, false, false, null);
            channel.confirmSelect();
            channel.basicPublish("", "orders", MessageProperties.PERSISTENT_TEXT_PLAIN,
                    "kept".getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(5_000);
        }

        try (WarrenServer server = WarrenServer.start("--listeners.tcp.default=0", "--management.tcp.port=0",
                "--prometheus.tcp.port=0", "--data_dir=" + dataDir);
             Connection connection = factory(server.amqpPort()).newConnection()) {
            assertThat(text(connection.createChannel().basicGet("orders", true))).isEqualTo("kept");
        }
    }

    @Test
    void usersAndVhostsFromTheConfigFileCanLogIn() throws Exception {
        Path conf = Files.writeString(dataDir.resolve("warren.conf"), """
                listeners.tcp.default = 127.0.0.1:0
                management.tcp.port = 0
                prometheus.tcp.port = 0
                data_dir = %s
                vhosts.1 = orders
                users.alice.password = alice-pass
                permissions.alice.orders = .* .* .*
                """.formatted(dataDir.resolve("data")));

        try (WarrenServer server = WarrenServer.start("--config=" + conf)) {
            ConnectionFactory f = factory(server.amqpPort());
            f.setUsername("alice");
            f.setPassword("alice-pass");
            f.setVirtualHost("orders");
            try (Connection connection = f.newConnection()) {
                Channel channel = connection.createChannel();
                channel.queueDeclare("q", false, false, false, null);
                channel.basicPublish("", "q", null, "in orders".getBytes(StandardCharsets.UTF_8));
                assertThat(text(channel.basicGet("q", true))).isEqualTo("in orders");
            }
            assertThat(server.broker().virtualHostNames()).contains("/", "orders");
        }
    }

    @Test
    void theTlsListenerServesAmqpsWithTheConfiguredCertificate() throws Exception {
        try (WarrenServer server = WarrenServer.start("--listeners.tcp=none", "--listeners.ssl.default=0",
                "--management.tcp.port=0", "--prometheus.tcp.port=0", "--ssl_options.certfile=" + TestPem.path("server_certificate.pem"),
                "--ssl_options.keyfile=" + TestPem.path("server_key.pem"), "--data_dir=" + dataDir)) {
            ConnectionFactory f = factory(server.amqpsPort());
            f.useSslProtocol(trustingTestCa());
            f.enableHostnameVerification();
            try (Connection connection = f.newConnection()) {
                Channel channel = connection.createChannel();
                String queue = channel.queueDeclare().getQueue();
                channel.basicPublish("", queue, null, "over tls".getBytes(StandardCharsets.UTF_8));
                assertThat(text(channel.basicGet(queue, true))).isEqualTo("over tls");
            }
            assertThat(server.amqpPort()).isEqualTo(-1);
        }
    }
}
