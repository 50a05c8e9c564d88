package io.warren.benchmarks.jms;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Connection URL options for a broker that keeps its journal in a given directory. */
public final class JournalUrls {
    private JournalUrls() {
    }

    /** {@code dataDir=DIR&sync=POLICY}, with the directory URL-encoded. */
    public static String options(Path dataDir, String sync) {
        return "dataDir=" + URLEncoder.encode(dataDir.toAbsolutePath().toString(), StandardCharsets.UTF_8)
                + "&sync=" + sync;
    }
}
