package io.warren.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Directories that persistent workloads write to and that are removed afterwards. */
public final class DataDirectories {
    private DataDirectories() {
    }

    /** A new, empty directory under {@code root} whose name starts with {@code prefix}. */
    public static Path create(Path root, String prefix) throws IOException {
        Files.createDirectories(root);
        return Files.createTempDirectory(root, prefix);
    }

    /** Deletes a directory and everything in it; a directory that is already gone is fine. */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}
