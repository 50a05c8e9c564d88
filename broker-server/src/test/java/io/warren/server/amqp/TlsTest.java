package io.warren.server.amqp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.warren.server.ServerFixture;
import java.io.InputStream;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** AMQPS: the TLS listener, with a self-signed certificate the client is told to trust. */
class TlsTest {
    private static InputStream resource(String name) {
        return TlsTest.class.getResourceAsStream("tls/" + name);
    }

    private static SslContext serverContext() throws Exception {
        try (InputStream cert = resource("cert.pem"); InputStream key = resource("key.pem")) {
            return SslContextBuilder.forServer(cert, key).build();
        }
    }

    private static SSLContext clientContextTrustingTheServer() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream cert = resource("cert.pem")) {
            trust.setCertificateEntry("warren-test", CertificateFactory.getInstance("X.509").generateCertificate(cert));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    @Test
    void clientTrustingTheCertificatePublishesAndConsumesOverTls() throws Exception {
        SslContext server = serverContext();
        try (ServerFixture f = ServerFixture.start(s -> s.withTls(0, server))) {
            ConnectionFactory factory = f.factory();
            factory.setPort(f.server.tlsPort());
            factory.useSslProtocol(clientContextTrustingTheServer());
            factory.enableHostnameVerification();
            Connection c = f.track(factory.newConnection());
            Channel ch = c.createChannel();
            String q = ch.queueDeclare().getQueue();
            byte[] big = new byte[300_000];
            ch.basicPublish("", q, null, "secret".getBytes(UTF_8));
            ch.basicPublish("", q, null, big);

            assertThat(new String(ch.basicGet(q, true).getBody(), UTF_8)).isEqualTo("secret");
            assertThat(ch.basicGet(q, true).getBody()).isEqualTo(big);
            assertThat(f.server.port()).isNotEqualTo(f.server.tlsPort());
            c.close();
        }
    }

    @Test
    void clientThatDoesNotTrustTheCertificateCannotConnect() throws Exception {
        SslContext server = serverContext();
        try (ServerFixture f = ServerFixture.start(s -> s.withTls(0, server))) {
            ConnectionFactory factory = f.factory();
            factory.setPort(f.server.tlsPort());
            SSLContext defaultTrust = SSLContext.getInstance("TLSv1.3");
            defaultTrust.init(null, null, null);
            factory.useSslProtocol(defaultTrust);

            assertThatThrownBy(factory::newConnection).isInstanceOf(javax.net.ssl.SSLException.class);
            Channel plain = f.connect().createChannel();
            assertThat(plain.queueDeclare().getQueue()).isNotEmpty();
        }
    }
}
