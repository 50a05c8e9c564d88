package io.warren.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.warren.server.ServerSettings;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TlsConfigurationTest {

    private static String tlsConf(String extra) {
        return """
                listeners.ssl.default = 5671
                ssl_options.certfile = %s
                ssl_options.keyfile = %s
                ssl_options.cacertfile = %s
                """.formatted(TestPem.path("server_certificate.pem"), TestPem.path("server_key.pem"),
                TestPem.path("ca_certificate.pem")) + extra;
    }

    @Test
    void pemCertificateAndKeyMakeAServerContextOnTheSslPort() {
        ServerConfiguration config = ConfigurationLoader.parse("w", tlsConf(""));
        ServerSettings settings = config.serverSettings();

        assertThat(settings.tlsPort()).isEqualTo(5671);
        assertThat(settings.port()).isEqualTo(5672);
        SslContext context = settings.sslContext();
        assertThat(context.isServer()).isTrue();
        assertThat(config.tls()).hasValueSatisfying(tls -> {
            assertThat(tls.certFile()).isEqualTo(TestPem.path("server_certificate.pem"));
            assertThat(tls.caCertFile()).isEqualTo(TestPem.path("ca_certificate.pem"));
            assertThat(tls.verifyPeer()).isFalse();
        });
    }

    @ParameterizedTest(name = "verify={0}, fail_if_no_peer_cert={1}")
    @CsvSource({
        "verify_none, false, false, false",
        "verify_none, true,  false, false",
        "verify_peer, false, true,  false",
        "verify_peer, true,  false, true",
    })
    void clientAuthenticationFollowsVerifyAndFailIfNoPeerCert(String verify, boolean failIfNoPeerCert,
                                                             boolean wants, boolean needs) {
        SslContext context = ConfigurationLoader.parse("w", tlsConf("""
                ssl_options.verify = %s
                ssl_options.fail_if_no_peer_cert = %s
                """.formatted(verify, failIfNoPeerCert))).serverSettings().sslContext();

        SSLEngine engine = context.newEngine(ByteBufAllocator.DEFAULT);
        assertThat(engine.getWantClientAuth()).isEqualTo(wants);
        assertThat(engine.getNeedClientAuth()).isEqualTo(needs);
    }

    @Test
    void withoutTlsThereIsNoContext() {
        ServerConfiguration config = ServerConfiguration.defaults();

        assertThat(config.tls()).isEmpty();
        assertThat(config.serverSettings().sslContext()).isNull();
    }
}
