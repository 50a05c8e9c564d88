package io.warren.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The Warren version, written into {@code version.properties} by the build; {@code (development)} when the
 * file was not filtered (running from an IDE). The launcher's start-up line and the management API's
 * {@code product_version} print it. Read once; stateless and thread-safe.
 */
public final class WarrenVersion {
    private static final String VERSION = read();

    private WarrenVersion() {
    }

    /** The version, such as {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = WarrenVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isBlank() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through: the version is informational only
        }
        return "(development)";
    }
}
