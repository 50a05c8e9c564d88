package io.warren.ra.container;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Packs the test application (the compiled classes of {@code io.warren.ra.container.app} and its
 * {@code glassfish-ejb-jar.xml}) into a war, so the server loads it in a class loader of its own.
 */
final class TestWar {
    private static final String APP_PACKAGE = "io/warren/ra/container/app/";

    private TestWar() {
    }

    static Path build(Path testClasses, Path war) throws IOException {
        Files.createDirectories(war.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(war))) {
            Path appClasses = testClasses.resolve(APP_PACKAGE);
            List<Path> classes;
            try (Stream<Path> files = Files.walk(appClasses)) {
                classes = files.filter(Files::isRegularFile).toList();
            }
            for (Path c : classes) {
                add(out, "WEB-INF/classes/" + testClasses.relativize(c).toString().replace('\\', '/'), c);
            }
            add(out, "WEB-INF/glassfish-ejb-jar.xml", testClasses.resolve("container/glassfish-ejb-jar.xml"));
        }
        return war;
    }

    private static void add(JarOutputStream out, String name, Path file) throws IOException {
        out.putNextEntry(new JarEntry(name));
        try (OutputStream entry = new NonClosing(out)) {
            Files.copy(file, entry);
        }
        out.closeEntry();
    }

    /** Lets {@code Files.copy} write into the current entry without closing the whole archive. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
