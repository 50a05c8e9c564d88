package io.warren.server.config;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Self-signed test PEM files under {@code src/test/resources/io/warren/server/config}: a CA
 * ({@code ca_certificate.pem}) and a server certificate for localhost/127.0.0.1 signed by it
 * ({@code server_certificate.pem}, key {@code server_key.pem}, PKCS#8), made with openssl, valid for 100 years.
 */
public final class TestPem {

    private TestPem() {
    }

    /** The file's path on disk. */
    public static Path path(String name) {
        try {
            return Path.of(TestPem.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
