package io.warren.broker.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.broker.BrokerException;
import io.warren.broker.ErrorCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondStoreOnTheSameDirectoryIsRefusedUntilTheFirstCloses() {
        JournalConfig config = Fixtures.config(dir).build();
        JournalStore first = Fixtures.open(config, new RecordingHandler());
        Fixtures.await(first.write(Fixtures.declareQueue("q")));

        JournalStore second = new JournalStore(config);
        assertThatThrownBy(() -> second.open(new RecordingHandler()))
                .isInstanceOfSatisfying(BrokerException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_ERROR))
                .hasMessageContaining("data directory " + dir + " is in use by another broker");
        assertThat(first.write(Fixtures.publish("q", 1, 10))).succeedsWithin(java.time.Duration.ofSeconds(10));

        first.close();
        JournalStore third = new JournalStore(config);
        RecordingHandler r = new RecordingHandler();
        third.open(r);
        third.close();
        assertThat(r.messageIds("q")).containsExactly(1L);
    }
}
