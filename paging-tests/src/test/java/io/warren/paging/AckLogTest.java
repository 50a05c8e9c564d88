package io.warren.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AckLogTest {
    @TempDir
    Path dir;

    @Test
    void theLastCompleteRecordIsWhatCounts() throws Exception {
        Path file = dir.resolve("acks");
        try (AckLog log = AckLog.append(file)) {
            log.record(500);
            log.record(1_000);
        }
        assertThat(AckLog.lastRecorded(file)).isEqualTo(1_000);
    }

    @Test
    void aRecordCutShortByAKillDoesNotCount() throws Exception {
        Path file = dir.resolve("acks");
        try (AckLog log = AckLog.append(file)) {
            log.record(500);
        }
        Files.writeString(file, "10", StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
        assertThat(AckLog.lastRecorded(file)).isEqualTo(500);
    }

    @Test
    void noFileOrNoCompleteRecordMeansNothingCommitted() throws Exception {
        assertThat(AckLog.lastRecorded(dir.resolve("none"))).isZero();
        Path cut = dir.resolve("cut");
        Files.writeString(cut, "5", StandardCharsets.US_ASCII);
        assertThat(AckLog.lastRecorded(cut)).isZero();
    }

    @Test
    void appendingAfterARestartContinuesTheLog() throws Exception {
        Path file = dir.resolve("acks");
        try (AckLog log = AckLog.append(file)) {
            log.record(500);
        }
        try (AckLog log = AckLog.append(file)) {
            log.record(700);
        }
        assertThat(AckLog.lastRecorded(file)).isEqualTo(700);
    }
}
