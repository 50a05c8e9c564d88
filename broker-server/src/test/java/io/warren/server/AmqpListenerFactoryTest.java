package io.warren.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.BrokerException;
import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.UserStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AmqpListenerFactoryTest {

    @Test
    void anEmbeddedBrokerOpensItsAmqpListenerFromBrokerConfig() throws Exception {
        BrokerConfig config = BrokerConfig.builder("embedded-listener").listener("amqp://127.0.0.1:0").build();
        try (Broker broker = Broker.start(config)) {
            URI address = broker.listenerAddresses().get(0);
            assertThat(address.getScheme()).isEqualTo("amqp");
            assertThat(address.getPort()).isPositive();
            ConnectionFactory f = new ConnectionFactory();
            f.setPort(address.getPort());
            try (Connection c = f.newConnection()) {
                Channel ch = c.createChannel();
                ch.queueDeclare("embedded", false, false, false, null);
                ch.basicPublish("", "embedded", null, "x".getBytes(StandardCharsets.UTF_8));
                ch.confirmSelect();
            }
            assertThat(broker.defaultVirtualHost().queueDeclarePassive("-", "embedded").messageCount()).isEqualTo(1);
        }
    }

    @Test
    void aListenerOfABrokerWithUsersChecksThatStore() throws Exception {
        UserStore users = new UserStore(new PasswordHasher(1_000));
        users.addUser("carol", "s3cret".toCharArray(), Set.of());
        users.setPermissions("carol", "/", ".*", ".*", ".*");
        BrokerConfig config = BrokerConfig.builder("listener-users").jmx(false).users(users)
                .listener("amqp://127.0.0.1:0").build();
        try (Broker broker = Broker.start(config)) {
            ConnectionFactory f = new ConnectionFactory();
            f.setPort(broker.listenerAddresses().get(0).getPort());
            f.setUsername("carol");
            f.setPassword("s3cret");
            try (Connection c = f.newConnection()) {
                assertThat(c.isOpen()).isTrue();
            }
            f.setUsername("guest");
            f.setPassword("guest");
            assertThatThrownBy(f::newConnection).isInstanceOf(AuthenticationFailureException.class);
        }
    }

    @Test
    void anAmqpsListenerServesTlsClients() throws Exception {
        String cert = resource("server_certificate.pem");
        String key = resource("server_key.pem");
        BrokerConfig config = BrokerConfig.builder("tls-listener")
                .listener("amqps://127.0.0.1:0?certfile=" + cert + "&keyfile=" + key).build();
        try (Broker broker = Broker.start(config)) {
            URI address = broker.listenerAddresses().get(0);
            assertThat(address.getScheme()).isEqualTo("amqps");
            ConnectionFactory f = new ConnectionFactory();
            f.setPort(address.getPort());
            f.useSslProtocol(trusting(resource("ca_certificate.pem")));
            try (Connection c = f.newConnection()) {
                assertThat(c.createChannel().queueDeclare().getQueue()).startsWith("amq.gen-");
            }
        }
    }

    @Test
    void anAmqpsListenerWithUnusableFilesFailsTheStartNamingThem() {
        assertThatThrownBy(() -> Broker.start(BrokerConfig.builder("bad-tls")
                .listener("amqps://127.0.0.1:0?certfile=/nonexistent/cert.pem&keyfile=/nonexistent/key.pem").build()))
                .hasMessageContaining("/nonexistent/cert.pem");
    }

    /** A client TLS context that trusts the test CA. */
    private static javax.net.ssl.SSLContext trusting(String caPem) throws Exception {
        java.security.KeyStore trust = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
        trust.load(null, null);
        try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(caPem))) {
            trust.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLSv1.2");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private static String resource(String name) throws Exception {
        return java.nio.file.Path.of(AmqpListenerFactoryTest.class.getResource("config/" + name).toURI()).toString();
    }

    @Test
    void closingTheBrokerClosesItsListener() throws Exception {
        Broker broker = Broker.start(BrokerConfig.builder("closing-listener").listener("amqp://127.0.0.1:0").build());
        int port = broker.listenerAddresses().get(0).getPort();
        broker.close();
        ConnectionFactory f = new ConnectionFactory();
        f.setPort(port);
        assertThatThrownBy(f::newConnection).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void badListenerOptionsFailTheStartWithTheirName() {
        assertThatThrownBy(() -> Broker.start(BrokerConfig.builder("bad-listener")
                .listener("amqp://127.0.0.1:0?chanel_max=5").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chanel_max");
        assertThatThrownBy(() -> BrokerConfig.builder("x").listener("localhost:5672"))
                .isInstanceOf(BrokerException.class).hasMessageContaining("scheme, host and port");
        assertThatThrownBy(() -> Broker.start(BrokerConfig.builder("no-provider").listener("mqtt://127.0.0.1:0").build()))
                .isInstanceOf(BrokerException.class).hasMessageContaining("no provider for listener scheme 'mqtt'");
    }
}
