package io.warren.broker.store.journal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;

/**
 * The process {@link JournalCrashTest} kills: opens the journal in {@code args[0]} with
 * {@link SyncPolicy#ALWAYS}, prints {@code ready <highest id>}, then publishes ever higher message ids with up
 * to 16 writes in flight, printing each id once its write is acknowledged, until it is killed. With
 * {@code args[1]} {@code lazy-dequeues} it also dequeues every even id once its publish is acknowledged, with
 * {@link JournalStore#writeLazily}, and prints {@code dequeued <id>} once that is acknowledged. With {@code args[1]}
 * {@code awaited} it does the same with one publish at a time, each with {@link JournalStore#writeAwaited} and waited
 * for, as a synchronous producer does: the publishing thread then writes and syncs most groups itself.
 */
public final class CrashWriterMain {
    private CrashWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        JournalConfig config = JournalConfig.builder(Path.of(args[0])).segmentSize(64 << 10)
                .syncPolicy(SyncPolicy.ALWAYS).build();
        boolean awaited = args.length > 1 && args[1].equals("awaited");
        boolean lazyDequeues = awaited || args.length > 1 && args[1].equals("lazy-dequeues");
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
            var batch = Fixtures.publish(JournalCrashTest.QUEUE, id, (int) (id % 300));
            var publish = awaited ? store.writeAwaited(batch) : store.write(batch);
            publish.whenComplete((ok, error) -> {
                synchronized (out) {
                    out.println(error == null ? Long.toString(written) : "failed " + written + ": " + error);
                    out.flush();
                }
                if (error == null && lazyDequeues && written % 2 == 0) {
                    store.writeLazily(Fixtures.ack(JournalCrashTest.QUEUE, written)).whenComplete((done, failed) -> {
                        synchronized (out) {
                            out.println(failed == null ? "dequeued " + written : "failed dequeue " + written);
                            out.flush();
                        }
                    });
                }
                inFlight.release();
            });
            if (awaited) {
                publish.handle((ok, error) -> null).join();
            }
        }
    }
}
