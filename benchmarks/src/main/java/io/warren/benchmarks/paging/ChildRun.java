package io.warren.benchmarks.paging;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link PagingRunMain} in a child JVM with the given {@code -Xmx} on this JVM's class path, copies its
 * progress lines to {@code out} with a prefix, and reads its result; a child that runs out of heap
 * ({@code -XX:+ExitOnOutOfMemoryError}), fails or outlives its bound (it is then killed) gives a failure instead.
 */
final class ChildRun {
    /** A run's result, or why there is none. */
    record Outcome(BacklogResult result, String failure) {
    }

    private ChildRun() {
    }

    static Outcome run(String kind, PagingCase c, PagingOptions options, Path dataRoot, Path work, PrintStream out)
            throws IOException, InterruptedException {
        Path resultFile = work.resolve(kind + "-" + c + ".properties");
        Path errFile = work.resolve(kind + "-" + c + ".err");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + options.heap(),
                "-XX:+ExitOnOutOfMemoryError", "-cp", classPath(), PagingRunMain.class.getName(), kind, c.name(),
                Long.toString(options.count(c)), Integer.toString(options.size()), Integer.toString(options.batch()),
                dataRoot.toString(), resultFile.toString(), Long.toString(options.artemisMaxSize()),
                Long.toString(options.warmup())));
        Process child = new ProcessBuilder(command).redirectError(errFile.toFile()).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread copier = new Thread(() -> copy(child, "    [" + kind + " " + c + "] ", out, lines),
                "paging-child-output");
        copier.setDaemon(true);
        copier.start();
        if (!child.waitFor(options.timeoutMinutes(), TimeUnit.MINUTES)) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            return new Outcome(null, "did not finish within " + options.timeoutMinutes() + " min and was killed");
        }
        copier.join(TimeUnit.SECONDS.toMillis(10));
        String err = Files.readString(errFile);
        // -XX:+ExitOnOutOfMemoryError says so on standard output
        String output = String.join("\n", lines);
        if (err.contains("OutOfMemoryError") || output.contains("OutOfMemoryError")) {
            String progress = lines.stream().filter(l -> !l.contains("OutOfMemoryError")).reduce((a, b) -> b)
                    .orElse("nothing");
            return new Outcome(null, "OutOfMemoryError (-Xmx" + options.heap() + "); last progress: " + progress);
        }
        if (child.exitValue() != 0 || !Files.exists(resultFile)) {
            return new Outcome(null, "exited with status " + child.exitValue() + ": "
                    + firstLineWith(err, "Exception"));
        }
        return new Outcome(BacklogResult.read(resultFile), null);
    }

    private static void copy(Process child, String prefix, PrintStream out, List<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.println(prefix + line);
                lines.add(line);
            }
        } catch (IOException e) {
            out.println(prefix + "(output lost: " + e.getMessage() + ")");
        }
    }

    private static String firstLineWith(String text, String word) {
        return text.lines().filter(l -> l.contains(word)).findFirst()
                .orElse(text.lines().reduce((a, b) -> b).orElse("no output")).strip();
    }

    /**
     * This JVM's class path: the class loader's when the benchmark runs inside Maven ({@code exec:java} loads
     * the module and its dependencies in a class loader of its own), else {@code java.class.path}.
     */
    static String classPath() {
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader
                && loader.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new IllegalStateException("class path entry " + url + " is not a file", e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
