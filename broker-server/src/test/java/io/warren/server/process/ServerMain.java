package io.warren.server.process;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.UserStore;
import io.warren.broker.store.journal.SyncPolicy;
import io.warren.server.AmqpServer;
import io.warren.server.ServerSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A Warren broker with an AMQP listener in a JVM of its own, for process tests and scripts:
 * {@code ServerMain <data-dir> [port] [--until-stdin-closes]}. Journals with {@link SyncPolicy#ALWAYS}, lets
 * {@code guest} in from loopback, prints {@code PORT <n>} on stdout once listening, and runs until killed (a
 * shutdown hook closes it cleanly on SIGTERM) or, with {@code --until-stdin-closes}, until its standard input
 * ends, so that it never outlives a test JVM that started it.
 */
public final class ServerMain {
    private ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ServerMain <data-dir> [port] [--until-stdin-closes]");
            System.exit(2);
        }
        int port = args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1]) : 0;
        boolean untilStdinCloses = args[args.length - 1].equals("--until-stdin-closes");
        Broker broker = Broker.start(BrokerConfig.builder("crash").dataDirectory(Path.of(args[0]))
                .syncPolicy(SyncPolicy.ALWAYS).build());
        AmqpServer server = AmqpServer.start(broker, ServerSettings.ephemeral().withPort(port),
                UserStore.withDefaultGuest(new PasswordHasher(1000)));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            broker.close();
            stopped.countDown();
        }, "server-main-shutdown"));
        System.out.println("PORT " + server.port());
        System.out.flush();
        if (untilStdinCloses) {
            drain(System.in);
            System.exit(0);
        }
        stopped.await();
    }

    private static void drain(InputStream in) {
        byte[] buf = new byte[256];
        try {
            while (in.read(buf) >= 0) {
                // nothing is expected on stdin; its end means the parent is gone
            }
        } catch (IOException e) {
            // the parent is gone
        }
    }
}
