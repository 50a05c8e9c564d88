package io.warren.benchmarks.amqp;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.security.UserStore;
import io.warren.server.AmqpServer;
import io.warren.server.ServerSettings;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A Warren AMQP broker in its own JVM for {@code benchmarks/amqp/run.sh}, used when the server module's runnable
 * jar is not built: {@code StandaloneWarren <port> <dataDir>}. It listens on loopback only, serves {@code guest}/{@code guest}
 * with the engine's default sync policy, prints one "ready" line once the listener is bound, and closes the
 * listener, then the broker (flushing the journal), when the JVM is asked to stop (SIGTERM).
 */
public final class StandaloneWarren {
    private StandaloneWarren() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: StandaloneWarren <port> <dataDir>");
            System.exit(2);
        }
        Broker broker = Broker.start(BrokerConfig.builder("bench").dataDirectory(Path.of(args[1])).build());
        ServerSettings settings = ServerSettings.defaults().withBindAddress("127.0.0.1")
                .withPort(Integer.parseInt(args[0]));
        AmqpServer server = AmqpServer.start(broker, settings, UserStore.withDefaultGuest());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            broker.close();
            stopped.countDown();
        }, "warren-shutdown"));
        System.out.println("warren ready on port " + server.port());
        stopped.await();
    }
}
