package io.warren.jms.transport.amqp;

import com.rabbitmq.client.ConnectionFactory;
import io.warren.jms.url.ConnectionUrl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS of an {@code amqps://} URL: the server is trusted by the URL's {@code trustStore} (else the JVM's
 * default trust), a client certificate comes from its {@code keyStore}, and the server's certificate must name
 * the host connected to unless {@code verifyHost=false}.
 */
final class TlsOptions {
    private TlsOptions() {
    }

    static void apply(ConnectionUrl url, ConnectionFactory factory) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(url, "trustStore"));
            KeyManagerFactory kmf = null;
            KeyStore keys = load(url, "keyStore");
            if (keys != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                String pw = url.option("keyStorePassword");
                kmf.init(keys, pw == null ? new char[0] : pw.toCharArray());
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            factory.useSslProtocol(ctx);
            if (url.booleanOption("verifyHost", true)) {
                factory.enableHostnameVerification();
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot set up TLS for '" + url + "': " + e.getMessage(), e);
        }
    }

    private static KeyStore load(ConnectionUrl url, String option) throws GeneralSecurityException, IOException {
        String path = url.option(option);
        if (path == null) {
            return null;
        }
        String type = url.option(option + "Type");
        KeyStore ks = KeyStore.getInstance(type != null ? type : path.endsWith(".jks") ? "JKS" : "PKCS12");
        String pw = url.option(option + "Password");
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            ks.load(in, pw == null ? null : pw.toCharArray());
        }
        return ks;
    }
}
