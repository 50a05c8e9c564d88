package io.warren.broker.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warren.broker.store.StoreBatch;
import io.warren.broker.store.StoreOperation.TransactionEnded;
import io.warren.broker.store.StoreOperation.TransactionPrepared;
import io.warren.broker.tx.TransactionId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prepared XA branches in the journal: recovered in doubt with their publishes and acknowledgements, forgotten
 * once ended, and carried over by compaction however much else is rewritten.
 */
class JournalPreparedTransactionTest {
    private static final String VHOST = "/";

    @TempDir
    Path dir;

    private static TransactionId xid(int n) {
        return new TransactionId(0x5741, ("global-" + n).getBytes(), new byte[] {(byte) n});
    }

    private static TransactionPrepared prepared(int n, long ackedMessage) {
        return new TransactionPrepared(VHOST, xid(n), List.of(Fixtures.message(1000 + n, 100)),
                List.of(new TransactionPrepared.Ack("q", ackedMessage)));
    }

    @Test
    void aPreparedBranchIsReplayedAfterItsQueueMessagesUntilItEnds() {
        JournalConfig config = Fixtures.config(dir).build();
        JournalStore store = Fixtures.open(config, new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        Fixtures.await(store.write(Fixtures.publish("q", 1, 10)));
        Fixtures.await(store.write(StoreBatch.of(prepared(1, 1))));
        Fixtures.await(store.write(StoreBatch.of(prepared(2, 1))));
        Fixtures.await(store.write(StoreBatch.of(new TransactionEnded(VHOST, xid(2)))));
        store.close();

        RecordingHandler r = Fixtures.recover(config);
        List<TransactionPrepared> inDoubt = r.all(TransactionPrepared.class);
        assertThat(inDoubt).extracting(TransactionPrepared::xid).containsExactly(xid(1));
        TransactionPrepared t = inDoubt.get(0);
        assertThat(t.acks()).containsExactly(new TransactionPrepared.Ack("q", 1));
        assertThat(t.publishes()).hasSize(1);
        assertThat(t.publishes().get(0)).isEqualTo(Fixtures.message(1001, 100));
        assertThat(r.calls.indexOf(t)).as("after the messages it acknowledges")
                .isGreaterThan(r.calls.indexOf(r.messages("q").get(0)));
        assertThat(r.messageIds("q")).containsExactly(1L);
    }

    @Test
    void compactionKeepsBranchesInDoubtAndTheMessagesTheyAcknowledge() {
        JournalConfig config = Fixtures.config(dir).segmentSize(4096).compactionMinBytes(16 << 10).build();
        JournalStore store = Fixtures.open(config, new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        Fixtures.await(store.write(Fixtures.publish("q", 1, 10)));
        Fixtures.await(store.write(StoreBatch.of(prepared(7, 1))));
        long id = 1;
        for (int round = 0; round < 20 && store.compactionCount() == 0; round++) {
            List<CompletableFuture<Void>> futures = new ArrayList<>();
            long first = id + 1;
            for (int i = 0; i < 50; i++) {
                futures.add(store.write(Fixtures.publish("q", ++id, 500)));
            }
            Fixtures.awaitAll(futures);
            futures.clear();
            for (long m = first; m <= id; m++) {
                futures.add(store.write(Fixtures.ack("q", m)));
            }
            Fixtures.awaitAll(futures);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> store.compactionCount() > 0);
        store.close();

        RecordingHandler r = Fixtures.recover(config);
        assertThat(r.all(TransactionPrepared.class)).extracting(TransactionPrepared::xid).containsExactly(xid(7));
        assertThat(r.messageIds("q")).containsExactly(1L);
    }
}
