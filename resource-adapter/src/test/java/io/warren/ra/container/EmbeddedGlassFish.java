package io.warren.ra.container;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * GlassFish Embedded ({@code glassfish-embedded-all}) in a JVM of its own, started with {@code java -jar} and a
 * properties file of the asadmin commands that set it up ({@code command.NN=...}: deploy the adapter, create the
 * pool and resources, deploy the application), which it runs in order once started. Its output goes to {@code server.log} in the work
 * directory. Only the server's own jar is on its class path, so the adapter and the application are loaded from
 * their archives as on a real server.
 */
final class EmbeddedGlassFish implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private EmbeddedGlassFish(Process process, Path log, int httpPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    static EmbeddedGlassFish start(Path glassfishJar, Path workDir, List<String> commands) throws IOException {
        Files.createDirectories(workDir);
        int port = freePort();
        Files.createDirectories(workDir.resolve("tmp"));
        // GlassFish also reads glassfish.properties in its working directory by itself: none must be left there.
        Files.deleteIfExists(workDir.resolve("glassfish.properties"));
        // Free ports for the ORB's listeners too (3700, 3820, 3920 by default), which the EJB container opens: a
        // GlassFish already running on the machine must not fail the deployment.
        List<String> all = new ArrayList<>();
        for (String listener : List.of("orb-listener-1", "SSL", "SSL_MUTUALAUTH")) {
            all.add("set configs.config.server-config.iiop-service.iiop-listener." + listener + ".port=" + freePort());
        }
        all.addAll(commands);
        StringBuilder props = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            props.append(String.format("command.%02d=", i + 1)).append(all.get(i).replace("\\", "\\\\"))
                    .append('\n');
        }
        Path propsFile = workDir.resolve("warren-container-test.properties");
        Files.writeString(propsFile, props);
        Path log = workDir.resolve("server.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g",
                "-Dglassfish.embedded.tmpdir=" + workDir.resolve("tmp").toAbsolutePath(),
                "-jar", glassfishJar.toAbsolutePath().toString(),
                "--noInfo", "--port=" + port, "--properties=" + propsFile.toAbsolutePath()));
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new EmbeddedGlassFish(p, log, port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** GETs a path of the server; returns status and body, or status -1 when it does not answer. */
    Response get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                    + path)).timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Response(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, e.toString());
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** HTTP status and body. */
    record Response(int status, String body) {
    }

    /**
     * Terminates the process, whose shutdown hook stops GlassFish; kills it if that takes more than 30 s.
     */
    @Override
    public void close() {
        long begin = System.nanoTime();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        System.out.println("GlassFish stopped in " + (System.nanoTime() - begin) / 1_000_000 + " ms");
    }
}
