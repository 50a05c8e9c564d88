package io.warren.jms.transport.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.netty.handler.ssl.SslContextBuilder;
import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.UserStore;
import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.transport.ErrorCodes;
import io.warren.server.AmqpServer;
import io.warren.server.ServerSettings;
import jakarta.jms.Connection;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.FileInputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code amqp://} transport's own behaviour against a Warren server in this JVM: what the JMS suites cannot
 * show through JNDI — connection loss, credentials, unreachable hosts, a host list, TLS, and errors that name
 * the problem. (The conformance and Spring suites run over this transport as well.)
 */
class AmqpTransportTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private Broker broker;
    private AmqpServer server;
    private UserStore users;

    @BeforeEach
    void start() {
        broker = Broker.start(BrokerConfig.builder("amqp-transport-" + System.nanoTime()).build());
        users = UserStore.withDefaultGuest(new PasswordHasher(1_000));
        server = AmqpServer.start(broker, ServerSettings.ephemeral(), users);
    }

    @AfterEach
    void stop() {
        server.close();
        broker.close();
    }

    private String url() {
        return "amqp://guest:guest@127.0.0.1:" + server.port();
    }

    @Test
    void aMessageTravelsWithItsHeadersAndProperties() throws Exception {
        try (Connection c = new WarrenConnectionFactory(url()).createConnection()) {
            Session s = c.createSession();
            Queue q = s.createQueue("orders");
            TextMessage sent = s.createTextMessage("hello");
            sent.setStringProperty("region", "eu");
            sent.setIntProperty("qty", 3);
            sent.setJMSCorrelationID("corr-7");
            s.createProducer(q).send(sent, jakarta.jms.DeliveryMode.PERSISTENT, 6, 60_000);
            c.start();
            TextMessage got = (TextMessage) s.createConsumer(q).receive(5_000);
            assertThat(got.getText()).isEqualTo("hello");
            assertThat(got.getStringProperty("region")).isEqualTo("eu");
            assertThat(got.getIntProperty("qty")).isEqualTo(3);
            assertThat(got.getJMSCorrelationID()).isEqualTo("corr-7");
            assertThat(got.getJMSPriority()).isEqualTo(6);
            assertThat(got.getJMSMessageID()).isEqualTo(sent.getJMSMessageID());
            assertThat(got.getJMSTimestamp()).isEqualTo(sent.getJMSTimestamp());
            assertThat(got.getJMSExpiration()).isEqualTo(sent.getJMSExpiration());
            assertThat(got.getJMSDestination()).isEqualTo(q);
            assertThat(got.propertyExists("JMSExpiration")).isFalse();
        }
    }

    @Test
    void messagesOfPlainAmqpClientsArriveAsTextOrBytesWithTheirHeadersAsProperties() throws Exception {
        com.rabbitmq.client.ConnectionFactory f = new com.rabbitmq.client.ConnectionFactory();
        f.setPort(server.port());
        try (com.rabbitmq.client.Connection amqp = f.newConnection();
             Connection jms = new WarrenConnectionFactory(url()).createConnection()) {
            Session s = jms.createSession();
            MessageConsumer consumer = s.createConsumer(s.createQueue("from-amqp"));
            jms.start();
            com.rabbitmq.client.Channel ch = amqp.createChannel();
            ch.basicPublish("", "from-amqp", new com.rabbitmq.client.AMQP.BasicProperties.Builder()
                    .contentType("text/plain; charset=ISO-8859-1").headers(java.util.Map.of("region", "eu", "n", 5))
                    .messageId("amqp-1").build(), "caf\u00e9".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            ch.basicPublish("", "from-amqp", null, new byte[] {7, 8});
            TextMessage text = (TextMessage) consumer.receive(5_000);
            assertThat(text.getText()).isEqualTo("caf\u00e9");
            assertThat(text.getStringProperty("region")).isEqualTo("eu");
            assertThat(text.getIntProperty("n")).isEqualTo(5);
            assertThat(text.getJMSMessageID()).isEqualTo("amqp-1");
            jakarta.jms.BytesMessage bytes = (jakarta.jms.BytesMessage) consumer.receive(5_000);
            assertThat(bytes.getBodyLength()).isEqualTo(2);

            TextMessage out = s.createTextMessage("to amqp");
            out.setStringProperty("region", "us");
            s.createProducer(s.createQueue("to-amqp")).send(out);
            com.rabbitmq.client.GetResponse got = await().atMost(WAIT)
                    .until(() -> ch.basicGet("to-amqp", true), r -> r != null);
            assertThat(new String(got.getBody(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("to amqp");
            assertThat(got.getProps().getContentType()).isEqualTo("jms/text");
            assertThat(got.getProps().getHeaders().get("region")).hasToString("us");
            assertThat(got.getProps().getMessageId()).isEqualTo(out.getJMSMessageID());
        }
    }

    @Test
    void losingTheServerTellsTheExceptionListenerAndWakesBlockedReceivers() throws Exception {
        Connection c = new WarrenConnectionFactory(url()).createConnection();
        AtomicReference<JMSException> reported = new AtomicReference<>();
        c.setExceptionListener(reported::set);
        Session s = c.createSession();
        MessageConsumer consumer = s.createConsumer(s.createQueue("waiting"));
        c.start();
        CompletableFuture<Message> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                return consumer.receive();
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });

        server.close();

        await().atMost(WAIT).until(() -> reported.get() != null);
        assertThat(reported.get().getErrorCode()).isEqualTo(ErrorCodes.CONNECTION_LOST);
        assertThat(reported.get().getMessage()).contains("lost");
        assertThat(blocked.get(10, TimeUnit.SECONDS)).isNull();
        assertThatThrownBy(() -> s.createProducer(null)).isInstanceOf(jakarta.jms.IllegalStateException.class)
                .hasMessageContaining("connection lost");
        c.close();
    }

    @Test
    void wrongCredentialsFailWithASecurityException() {
        assertThatThrownBy(() -> new WarrenConnectionFactory(url()).createConnection("guest", "wrong"))
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void aServerNobodyListensOnFailsNamingTheHost() throws Exception {
        int port = freePort();
        assertThatThrownBy(() -> new WarrenConnectionFactory("amqp://127.0.0.1:" + port).createConnection())
                .isInstanceOf(JMSException.class)
                .hasMessageContaining("127.0.0.1:" + port);
    }

    @Test
    void aHostListConnectsToTheFirstThatAnswers() throws Exception {
        int dead = freePort();
        String url = "amqp://guest:guest@127.0.0.1:" + dead + ",127.0.0.1:" + server.port() + "/";
        try (Connection c = new WarrenConnectionFactory(url).createConnection()) {
            Session s = c.createSession();
            s.createProducer(s.createQueue("failover")).send(s.createTextMessage("via the second host"));
        }
        assertThat(broker.defaultVirtualHost().queueInfo("failover").messageCount()).isEqualTo(1);
    }

    @Test
    void aClientIdIsUniqueOnTheServerAcrossConnections() throws Exception {
        WarrenConnectionFactory f = new WarrenConnectionFactory(url());
        f.setClientID("only-one");
        try (Connection first = f.createConnection()) {
            assertThat(first.getClientID()).isEqualTo("only-one");
            assertThatThrownBy(f::createConnection).isInstanceOf(InvalidClientIDException.class)
                    .hasMessageContaining("only-one");
        }
        try (Connection again = f.createConnection()) {
            assertThat(again.getClientID()).isEqualTo("only-one");
        }
    }

    @Test
    void connectionsSharingAClientIdAreOpenAtOnceUnlessOneHoldsItExclusively() throws Exception {
        WarrenConnectionFactory shared = new WarrenConnectionFactory(url());
        shared.setClientID("pooled");
        shared.setEnableSharedClientID(true);
        try (Connection a = shared.createConnection(); Connection b = shared.createConnection()) {
            assertThat(a.getClientID()).isEqualTo("pooled");
            assertThat(b.getClientID()).isEqualTo("pooled");
        }
        WarrenConnectionFactory exclusive = new WarrenConnectionFactory(url());
        exclusive.setClientID("pooled");
        try (Connection holder = exclusive.createConnection()) {
            assertThatThrownBy(shared::createConnection).isInstanceOf(InvalidClientIDException.class)
                    .hasMessageContaining("'pooled'").hasMessageContaining("enableSharedClientID");
        }
        try (Connection again = shared.createConnection()) {
            assertThat(again.getClientID()).isEqualTo("pooled");
        }
    }

    @Test
    void aBadSelectorFailsAtOnceAndTheSessionGoesOn() throws Exception {
        try (Connection c = new WarrenConnectionFactory(url()).createConnection()) {
            Session s = c.createSession();
            Queue q = s.createQueue("selected");
            assertThatThrownBy(() -> s.createConsumer(q, "a = = 1")).isInstanceOf(InvalidSelectorException.class);
            s.createProducer(q).send(s.createTextMessage("still usable"));
            c.start();
            assertThat(((TextMessage) s.createConsumer(q).receive(5_000)).getText()).isEqualTo("still usable");
        }
    }

    @Test
    void amqpsVerifiesTheServerCertificateAndItsHostName(@TempDir Path dir) throws Exception {
        Path serverKeys = dir.resolve("server.p12");
        Path trust = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=warren-test", "-ext", "SAN=ip:127.0.0.1", "-keystore", serverKeys.toString(),
                "-storetype", "PKCS12", "-storepass", "secret");
        Path cert = dir.resolve("server.crt");
        keytool("-exportcert", "-alias", "server", "-keystore", serverKeys.toString(), "-storepass", "secret",
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", cert.toString(), "-keystore",
                trust.toString(), "-storetype", "PKCS12", "-storepass", "secret");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(serverKeys.toFile())) {
            ks.load(in, "secret".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "secret".toCharArray());
        AmqpServer tls = AmqpServer.start(broker, ServerSettings.ephemeral().withTls(0,
                SslContextBuilder.forServer(kmf).build()), users);
        try {
            String base = "amqps://guest:guest@127.0.0.1:" + tls.tlsPort() + "?trustStore=" + trust
                    + "&trustStorePassword=secret";
            try (Connection c = new WarrenConnectionFactory(base).createConnection()) {
                Session s = c.createSession();
                s.createProducer(s.createQueue("secure")).send(s.createTextMessage("over TLS"));
            }
            assertThat(broker.defaultVirtualHost().queueInfo("secure").messageCount()).isEqualTo(1);
            // the certificate names 127.0.0.1, not localhost: host verification refuses it
            String wrongName = base.replace("127.0.0.1", "localhost");
            assertThatThrownBy(() -> new WarrenConnectionFactory(wrongName).createConnection())
                    .isInstanceOf(JMSException.class);
            // without the trust store the JVM's default trust does not know the certificate
            assertThatThrownBy(() -> new WarrenConnectionFactory("amqps://guest:guest@127.0.0.1:" + tls.tlsPort())
                    .createConnection()).isInstanceOf(JMSException.class);
        } finally {
            tls.close();
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void closingASubscriberDeletesItsQueueBeforeCloseReturnsAsInProcess() throws Exception {
        try (Connection c = new WarrenConnectionFactory(url()).createConnection()) {
            c.start();
            Session s = c.createSession();
            jakarta.jms.Topic topic = s.createTopic("news");
            for (int i = 0; i < 50; i++) {
                MessageConsumer consumer = s.createConsumer(topic);
                assertThat(subscriptionQueues()).hasSize(1);
                consumer.receive(1);
                consumer.close();
                assertThat(subscriptionQueues()).isEmpty();
            }
            s.createConsumer(topic);
            s.close();
            assertThat(subscriptionQueues()).isEmpty();
        }
    }

    @Test
    void aTopicOfTenThousandWordsIsAnInvalidDestinationNamingTheLimitAsInProcess() throws Exception {
        try (Connection c = new WarrenConnectionFactory(url()).createConnection()) {
            Session s = c.createSession();
            jakarta.jms.Topic deep = new io.warren.jms.destination.WarrenTopic("a" + ".a".repeat(9_999));
            assertThatThrownBy(() -> s.createConsumer(deep))
                    .isInstanceOf(jakarta.jms.InvalidDestinationException.class)
                    .hasMessageContaining("limited to 255 bytes");
            assertThatThrownBy(() -> s.createProducer(deep).send(s.createTextMessage("x")))
                    .isInstanceOf(jakarta.jms.InvalidDestinationException.class)
                    .hasMessageContaining("limited to 255 bytes");
            assertThat(subscriptionQueues()).isEmpty();
            c.start();
            MessageConsumer fine = s.createConsumer(s.createTopic("a.b"));
            s.createProducer(s.createTopic("a.b")).send(s.createTextMessage("still works"));
            assertThat(((TextMessage) fine.receive(5_000)).getText()).isEqualTo("still works");
        }
    }

    private java.util.Set<String> subscriptionQueues() {
        return broker.defaultVirtualHost().queueNames().stream().filter(n -> n.startsWith("jms.sub."))
                .collect(java.util.stream.Collectors.toSet());
    }
}
