package io.warren.server.config;

import java.nio.file.Path;

/**
 * The {@code ssl_options.*} keys: the server's PEM certificate chain and PKCS#8 key, an optional key password,
 * the PEM CA bundle client certificates are checked against, and whether clients must present one. Immutable.
 *
 * @param certFile         {@code ssl_options.certfile}
 * @param keyFile          {@code ssl_options.keyfile}
 * @param keyPassword      {@code ssl_options.password}, or null for an unencrypted key
 * @param caCertFile       {@code ssl_options.cacertfile}, or null
 * @param verifyPeer       {@code ssl_options.verify = verify_peer}: ask clients for a certificate
 * @param failIfNoPeerCert {@code ssl_options.fail_if_no_peer_cert}: refuse clients without one
 */
public record TlsOptions(Path certFile, Path keyFile, String keyPassword, Path caCertFile, boolean verifyPeer,
                         boolean failIfNoPeerCert) {

    @Override
    public String toString() {
        return "TlsOptions[certFile=" + certFile + ", keyFile=" + keyFile + ", keyPassword="
                + (keyPassword == null ? "none" : "***") + ", caCertFile=" + caCertFile + ", verifyPeer="
                + verifyPeer + ", failIfNoPeerCert=" + failIfNoPeerCert + "]";
    }
}
