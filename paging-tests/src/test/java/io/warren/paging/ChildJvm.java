package io.warren.paging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link BacklogChild} in a JVM of its own, on the test JVM's class path, with a fixed {@code -Xmx} and
 * {@code -XX:+ExitOnOutOfMemoryError}. Its standard output is read line by line as it comes, so the test can
 * wait for a line (a bounded wait) and kill the child there; its standard error goes to a file. Every wait is
 * bounded; {@link #close()} kills a child that is still running.
 */
final class ChildJvm implements AutoCloseable {
    /** Put on the line queue when the child's output ends. */
    private static final String END = "\u0000end";

    /** How a child ended and what it printed. */
    record Result(int exitStatus, List<String> stdout, String stderr) {
        /** Whether the JVM ended on an OutOfMemoryError ({@code -XX:+ExitOnOutOfMemoryError} says so on stdout). */
        boolean ranOutOfHeap() {
            return stderr.contains("OutOfMemoryError") || stdout.stream().anyMatch(l -> l.contains("OutOfMemoryError"));
        }

        /** The first line starting with {@code prefix}, if any. */
        Optional<String> line(String prefix) {
            return stdout.stream().filter(l -> l.startsWith(prefix)).findFirst();
        }

        /** The first line starting with {@code prefix}; fails with the child's output if there is none. */
        String required(String prefix) {
            return line(prefix).orElseThrow(() -> new AssertionError("the child printed no line starting with '"
                    + prefix + "'\n" + this));
        }

        @Override
        public String toString() {
            List<String> shown = stdout.size() <= 40 ? stdout : new ArrayList<>(stdout.subList(0, 10));
            if (stdout.size() > 40) {
                shown.add("... " + (stdout.size() - 30) + " lines ...");
                shown.addAll(stdout.subList(stdout.size() - 20, stdout.size()));
            }
            return "child JVM exited with status " + exitStatus + "\n--- its standard output:\n"
                    + String.join("\n", shown) + "\n--- its standard error:\n" + stderr;
        }
    }

    private final Process process;
    private final Path errFile;
    private final Duration timeout;
    private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();
    private final Thread reader;

    private ChildJvm(Process process, Path errFile, Duration timeout) {
        this.process = process;
        this.errFile = errFile;
        this.timeout = timeout;
        this.reader = new Thread(this::readOutput, "child-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code BacklogChild args} with standard error in {@code dir/name.err}. */
    static ChildJvm start(Path dir, String name, BacklogSizes sizes, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xmx" + sizes.heap(), "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), BacklogChild.class.getName()));
        command.addAll(List.of(args));
        Path err = dir.resolve(name + ".err");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        return new ChildJvm(p, err, Duration.ofMinutes(sizes.childTimeoutMinutes()));
    }

    private void readOutput() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (all) {
                    all.add(line);
                }
                pending.add(line);
            }
        } catch (IOException e) {
            synchronized (all) {
                all.add("(output lost: " + e + ")");
            }
        } finally {
            pending.add(END);
        }
    }

    /**
     * Waits for the first line from now on that {@code matches}; fails with the child's output when the child's
     * output ends first or the child's time bound passes.
     */
    String awaitLine(Predicate<String> matches, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = pending.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("the child did not print " + what + " within " + timeout + "\n"
                        + snapshot(-1));
            }
            if (line.equals(END)) {
                Result r = awaitExit();
                throw new AssertionError((r.ranOutOfHeap() ? "the child ran out of heap before it printed "
                        : "the child ended before it printed ") + what + "\n" + r);
            }
            if (matches.test(line)) {
                return line;
            }
        }
    }

    /** Kills the child at once (SIGKILL) and waits for it to be gone; whether it was still running. */
    boolean kill() throws InterruptedException {
        boolean alive = process.isAlive();
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the child did not die within 60 s of SIGKILL");
        }
        return alive;
    }

    /** Closes the child's standard input, which ends a child waiting for it. */
    void closeInput() throws IOException {
        process.getOutputStream().close();
    }

    /** Waits for the child to exit (killing it after its time bound, then failing) and tells how it ended. */
    Result awaitExit() throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new AssertionError("the child did not exit within " + timeout + " and was killed\n"
                    + snapshot(-1));
        }
        return snapshot(process.exitValue());
    }

    private Result snapshot(int status) throws IOException, InterruptedException {
        if (!process.isAlive()) {
            // the child's output ends with it: let the reader take in the last lines
            reader.join(TimeUnit.SECONDS.toMillis(30));
        }
        List<String> lines;
        synchronized (all) {
            lines = List.copyOf(all);
        }
        return new Result(status, lines, Files.exists(errFile) ? Files.readString(errFile) : "");
    }

    /** Kills a child that is still running. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
