package io.warren.broker.paging;

import io.warren.broker.Broker;
import io.warren.broker.BrokerConfig;
import io.warren.broker.BrokerException;
import io.warren.broker.Channel;
import io.warren.message.Message;
import java.nio.file.Path;
import java.util.Map;

/**
 * The scenario of issue 13, run by {@link SmallHeapTest} in a child JVM with {@code -Xmx64m}: a producer sends
 * persistent 1 KiB messages in transacted batches of 1,000 to a queue nobody consumes. Prints {@code FILLED n}
 * when every batch went in, {@code REFUSED n} when flow control refused a publish, {@code OOM n} when the heap
 * ran out; after a refusal, it drains the queue and publishes once more, printing {@code RESUMED} when that
 * is accepted.
 *
 * <p>Arguments: a data directory or {@code -} for an in-memory broker, and the number of batches.
 */
public final class SmallHeapTransactedFill {
    private SmallHeapTransactedFill() {
    }

    public static void main(String[] args) {
        BrokerConfig.Builder config = BrokerConfig.builder("small-heap").jmx(false).memoryWait(2000);
        if (!args[0].equals("-")) {
            config.dataDirectory(Path.of(args[0]));
        }
        int batches = Integer.parseInt(args[1]);
        int sent = 0;
        try (Broker broker = Broker.start(config.build())) {
            Channel ch = broker.defaultVirtualHost().connect("p").createChannel();
            ch.queueDeclare("q", true, false, false, Map.of());
            ch.txSelect();
            try {
                for (int b = 0; b < batches; b++) {
                    for (int i = 0; i < 1000; i++) {
                        ch.publish("", "q", Message.builder().persistent(true).body(new byte[1024]).build());
                    }
                    ch.txCommit().join();
                    sent += 1000;
                }
                System.out.println("FILLED " + sent);
            } catch (BrokerException e) {
                System.out.println("REFUSED " + sent + " " + e.getMessage());
                ch.txRollback();
                Channel consumer = broker.defaultVirtualHost().connect("c").createChannel();
                while (consumer.get("q", true, null) != null) {
                    // drain
                }
                ch.publish("", "q", Message.builder().persistent(true).body(new byte[1024]).build());
                ch.txCommit().join();
                System.out.println("RESUMED");
            }
        } catch (OutOfMemoryError e) {
            System.out.println("OOM " + sent);
        }
    }
}
