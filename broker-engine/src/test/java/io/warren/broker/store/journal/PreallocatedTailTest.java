package io.warren.broker.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The steps in which {@link PreallocatedTail} zero-fills space ahead of a segment's end, and its cut. */
class PreallocatedTailTest {
    @TempDir
    Path tmp;

    private FileChannel open() throws IOException {
        return FileChannel.open(tmp.resolve("segment"), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }

    @Test
    void stepsDoubleFromTheSmallestToTheLargestAndStayWithinTheSegment() throws IOException {
        try (FileChannel ch = open()) {
            PreallocatedTail tail = new PreallocatedTail(64L << 20, 64);
            tail.reserve(ch, 100);
            assertThat(tail.end()).isEqualTo(64 + PreallocatedTail.MIN_STEP);
            tail.reserve(ch, tail.end() + 1);
            assertThat(tail.end()).isEqualTo(2L * (64 + PreallocatedTail.MIN_STEP));
            while (tail.end() < 40L << 20) {
                long before = tail.end();
                tail.reserve(ch, before + 1);
                assertThat(tail.end() - before).isLessThanOrEqualTo(PreallocatedTail.MAX_STEP);
            }
            assertThat(ch.size()).isEqualTo(tail.end());
            tail.reserve(ch, 63L << 20);
            tail.reserve(ch, tail.end() + 1);
            assertThat(tail.end()).isEqualTo(64L << 20);
        }
    }

    @Test
    void aBatchLargerThanTheStepIsCoveredWhole() throws IOException {
        try (FileChannel ch = open()) {
            PreallocatedTail tail = new PreallocatedTail(1024, 64);
            tail.reserve(ch, 5000);
            assertThat(tail.end()).isEqualTo(5000);
            assertThat(ch.size()).isEqualTo(5000);
        }
    }

    @Test
    void theSpaceIsZerosAndRecordsWrittenIntoItStay() throws IOException {
        try (FileChannel ch = open()) {
            ch.write(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}), 0);
            PreallocatedTail tail = new PreallocatedTail(1 << 20, 4);
            tail.reserve(ch, 10);
            ch.write(ByteBuffer.wrap(new byte[] {5, 6}), 4);
            ByteBuffer content = ByteBuffer.allocate((int) ch.size());
            ch.read(content, 0);
            assertThat(content.array()).startsWith(1, 2, 3, 4, 5, 6);
            for (int i = 6; i < content.capacity(); i++) {
                assertThat(content.get(i)).as("byte %d", i).isZero();
            }
        }
    }

    @Test
    void aFailedZeroFillIsThrownOnceAndStopsThePreallocation() throws IOException {
        AtomicBoolean full = new AtomicBoolean(true);
        try (FileChannel ch = new FailingChannel(open(), new AtomicBoolean(), full)) {
            PreallocatedTail tail = new PreallocatedTail(1 << 20, 64);
            assertThatThrownBy(() -> tail.reserve(ch, 100)).isInstanceOf(IOException.class);
            assertThat(tail.end()).isEqualTo(64);
            full.set(false);
            tail.reserve(ch, 100);
            assertThat(tail.end()).isEqualTo(64);
            assertThat(ch.size()).isZero();
            tail.cut(ch, 100);
            assertThat(ch.size()).isZero();
        }
    }

    @Test
    void cuttingLeavesTheFileEndingAtTheLastRecord() throws IOException {
        try (FileChannel ch = open()) {
            PreallocatedTail tail = new PreallocatedTail(1 << 20, 64);
            tail.reserve(ch, 200);
            tail.cut(ch, 200);
            assertThat(ch.size()).isEqualTo(200);
            assertThat(tail.end()).isEqualTo(200);
            tail.cut(ch, 200);
            assertThat(ch.size()).isEqualTo(200);
        }
    }
}
