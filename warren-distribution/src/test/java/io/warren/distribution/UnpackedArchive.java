package io.warren.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server archive unpacked with the system's {@code tar}, as a user would, and the environment its scripts
 * run in: this JVM's Java as {@code JAVA_HOME}, and none of the caller's Warren variables. Runs
 * {@code bin/} scripts in the foreground ({@link #run}) or hands out a {@link ProcessBuilder} for long-running
 * ones. Not thread-safe; one per test.
 */
final class UnpackedArchive {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final Path home;

    private UnpackedArchive(Path home) {
        this.home = home;
    }

    /**
     * Unpacks {@code archive} into {@code directory}; the archive holds one top directory,
     * {@code warren-VERSION}, which becomes {@link #home()}.
     */
    static UnpackedArchive unpack(Path archive, Path directory, String version) throws Exception {
        assertThat(archive).as("the archive built by mvn package").isRegularFile();
        Result tar = execute(new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", directory.toString()));
        assertThat(tar.exitCode()).as("tar -xzf: " + tar.output()).isZero();
        return new UnpackedArchive(directory.resolve("warren-" + version).toRealPath());
    }

    /** The installation directory: {@code bin/}, {@code conf/}, {@code lib/}. */
    Path home() {
        return home;
    }

    /** A process running {@code bin/SCRIPT} with {@code args}, stderr merged into stdout, in this environment. */
    ProcessBuilder script(String script, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin").resolve(script).toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(home.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("WARREN_"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return builder;
    }

    /** Runs {@code bin/SCRIPT args} to completion (at most 30 s). */
    Result run(String script, String... args) throws Exception {
        return execute(script(script, List.of(args)));
    }

    private static Result execute(ProcessBuilder builder) throws Exception {
        Path output = Files.createTempFile("warren-dist-it", ".out");
        try {
            Process process = builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(builder.command() + " did not finish within " + COMMAND_TIMEOUT);
            }
            return new Result(process.exitValue(), read(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** What a finished command printed (stdout and stderr together) and its exit status. */
    record Result(int exitCode, String output) {
    }
}
