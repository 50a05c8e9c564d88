package io.warren.server.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The Warren version, written into {@code version.properties} by the build. Stateless. */
final class WarrenVersion {
    private static final String VERSION = read();

    private WarrenVersion() {
    }

    static String get() {
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
