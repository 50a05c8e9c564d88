package io.warren.server.config;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

/**
 * Builds the Netty server {@link SslContext} from {@link TlsOptions}: certificate chain and key from PEM files
 * (the key must be PKCS#8, {@code BEGIN PRIVATE KEY}, as {@code openssl req -newkey ... -nodes} writes it),
 * trusted client CAs from the CA bundle, and client authentication from {@code verify} and
 * {@code fail_if_no_peer_cert}: {@code verify_none} → none, {@code verify_peer} → optional, plus
 * {@code fail_if_no_peer_cert = true} → required. Stateless.
 */
public final class TlsContextFactory {

    private TlsContextFactory() {
    }

    /**
     * The server context; fails naming {@code ssl_options.keyfile} and {@code location}, where it was set, when
     * the files cannot be used.
     */
    public static SslContext serverContext(TlsOptions options, String location) {
        try {
            SslContextBuilder builder = SslContextBuilder.forServer(options.certFile().toFile(),
                    options.keyFile().toFile(), options.keyPassword());
            if (options.caCertFile() != null) {
                builder.trustManager(options.caCertFile().toFile());
            }
            builder.clientAuth(clientAuth(options));
            return builder.build();
        } catch (Exception e) {
            // Netty reports unreadable PEM and wrong key types as IllegalArgumentException or SSLException.
            throw new InvalidConfigException(location, "ssl_options.keyfile",
                    "cannot build the TLS context from " + options.certFile() + " and " + options.keyFile()
                            + ": " + rootMessage(e) + " (the key must be an unencrypted or password-protected "
                            + "PKCS#8 PEM file)", e);
        }
    }

    static ClientAuth clientAuth(TlsOptions options) {
        if (!options.verifyPeer()) {
            return ClientAuth.NONE;
        }
        return options.failIfNoPeerCert() ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
