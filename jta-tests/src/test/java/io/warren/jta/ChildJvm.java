package io.warren.jta;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of this module in a child JVM on the test JVM's class path and waits for it to exit, killing it
 * after a bound. Its standard output and error go to files in a directory the caller names and are read once it
 * has exited; the {@link Result} prints both, so that an assertion about the child shows what it said.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /** How a child ended and what it printed. */
    record Result(int exitStatus, List<String> stdout, String stderr) {
        /** The first line of standard output starting with {@code prefix}, without it; fails if there is none. */
        String lineAfter(String prefix) {
            return stdout.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
                    .findFirst().orElseThrow(() -> new AssertionError("the child printed no line starting with '"
                            + prefix + "'\n" + this));
        }

        @Override
        public String toString() {
            return "child JVM exited with status " + exitStatus + "\n--- its standard output:\n"
                    + String.join("\n", stdout) + "\n--- its standard error:\n" + stderr;
        }
    }

    /**
     * Runs {@code main} with {@code args}, its outputs in {@code outputDir}.
     *
     * @throws AssertionError if it has not exited after {@code timeout} (it is killed), with its outputs so far
     */
    static Result run(Path outputDir, Duration timeout, Class<?> main, String... args)
            throws IOException, InterruptedException {
        Path out = outputDir.resolve(main.getSimpleName() + ".out");
        Path err = outputDir.resolve(main.getSimpleName() + ".err");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            child.destroyForcibly();
            boolean died = child.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the child JVM did not exit within " + timeout + " and was killed (died: " + died
                    + ")\n" + new Result(-1, Files.readAllLines(out), Files.readString(err)));
        }
        return new Result(child.exitValue(), Files.readAllLines(out), Files.readString(err));
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
