package io.warren.server.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** One run of {@link WarrenCtl} with its output captured, an environment of its own and an optional stdin. */
record CtlRun(int exitCode, String out, String err) {

    /** Runs {@code args} against {@code api}, with an empty environment. */
    static CtlRun against(StubManagementApi api, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--url=" + api.url();
        System.arraycopy(args, 0, all, 1, args.length);
        return run(Map.of(), "", all);
    }

    static CtlRun run(String... args) {
        return run(Map.of(), "", args);
    }

    static CtlRun run(Map<String, String> environment, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int code = new WarrenCtl(environment, in).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CtlRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Output and error stream together, for what must appear in neither. */
    String all() {
        return out + err;
    }

    List<String> outLines() {
        return out.lines().toList();
    }
}
