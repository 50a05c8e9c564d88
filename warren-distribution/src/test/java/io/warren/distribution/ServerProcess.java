package io.warren.distribution;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * {@code bin/warren-server} running in a process of its own, printing into a file. A file, not a pipe: {@link
 * Process#destroy} closes the pipes it sends SIGTERM through, which would lose what the server logs while it
 * stops. {@link #awaitLine} waits for a line (or the process's end); {@link #terminate} sends SIGTERM, which
 * the script's {@code exec} hands straight to the JVM. {@link #close} kills whatever is left.
 */
final class ServerProcess implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(50);

    private final Process process;
    private final Path output;

    private ServerProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code bin/warren-server} of {@code archive} with {@code args}, its output going to {@code output}. */
    static ServerProcess start(UnpackedArchive archive, List<String> args, String javaOpts, Path output)
            throws IOException {
        ProcessBuilder builder = archive.script("warren-server", args).redirectOutput(output.toFile());
        builder.environment().put("WARREN_JAVA_OPTS", javaOpts);
        return new ServerProcess(builder.start(), output);
    }

    /**
     * The first line containing {@code text}, once printed; empty if the process ended without printing it or
     * {@code timeout} passed.
     */
    Optional<String> awaitLine(String text, Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(POLL).until(() -> find(text).isPresent() || !process.isAlive());
        } catch (ConditionTimeoutException e) {
            return Optional.empty();
        }
        return find(text);
    }

    private Optional<String> find(String text) {
        return output().lines().filter(line -> line.contains(text)).findFirst();
    }

    /** Sends SIGTERM and waits for the exit status, or throws if the process outlives {@code timeout}. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("warren-server still running " + timeout + " after SIGTERM:\n" + output());
        }
        return process.exitValue();
    }

    /** Everything printed so far. */
    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
