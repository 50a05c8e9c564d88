package io.warren.broker.store.journal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;

/**
 * The process {@link JournalCrashTest} kills: opens the journal in {@code args[0]} with
 * {@link SyncPolicy#ALWAYS}, prints {@code ready <highest id>}, then publishes ever higher message ids with up
 * to 16 writes in flight, printing each id once its write is acknowledged, until it is killed.
 */
public final class CrashWriterMain {
    private CrashWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        JournalConfig config = JournalConfig.builder(Path.of(args[0])).segmentSize(64 << 10)
                .syncPolicy(SyncPolicy.ALWAYS).build();
        JournalStore store = new JournalStore(config);
        long highest = store.open(new RecordingHandler());
        store.write(Fixtures.declareQueue(JournalCrashTest.QUEUE)).get();
        synchronized (out) {
            out.println("ready " + highest);
            out.flush();
        }
        Semaphore inFlight = new Semaphore(16);
        for (long id = highest + 1; ; id++) {
            inFlight.acquire();
            long written = id;
            store.write(Fixtures.publish(JournalCrashTest.QUEUE, id, (int) (id % 300))).whenComplete((ok, error) -> {
                synchronized (out) {
                    out.println(error == null ? Long.toString(written) : "failed " + written + ": " + error);
                    out.flush();
                }
                inFlight.release();
            });
        }
    }
}
