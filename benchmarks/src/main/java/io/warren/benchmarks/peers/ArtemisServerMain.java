package io.warren.benchmarks.peers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * An ActiveMQ Artemis broker in a JVM of its own, for the network benchmarks:
 * {@code ArtemisServerMain <broker.xml> <data-dir> <port>}. The configuration file's {@code ${data}} and
 * {@code ${port}} are filled in; the broker runs until the JVM is stopped. Artemis is loaded by name, so it is
 * needed on the class path only here (the module's {@code peers} profile brings it).
 */
public final class ArtemisServerMain {
    private static final String EMBEDDED = "org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ";

    private ArtemisServerMain() {
    }

    public static void main(String[] args) throws Exception {
        String xml = Files.readString(Path.of(args[0])).replace("${data}", args[1]).replace("${port}", args[2]);
        Path config = Files.createTempFile("artemis-broker-", ".xml");
        Files.writeString(config, xml);
        Object server = Class.forName(EMBEDDED).getConstructor().newInstance();
        server.getClass().getMethod("setConfigResourcePath", String.class).invoke(server, config.toUri().toString());
        server.getClass().getMethod("start").invoke(server);
        System.out.println("ARTEMIS READY " + args[2]);
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.getClass().getMethod("stop").invoke(server);
            } catch (ReflectiveOperationException ignored) {
                // stopping anyway
            }
        }));
        new CountDownLatch(1).await();
    }
}
