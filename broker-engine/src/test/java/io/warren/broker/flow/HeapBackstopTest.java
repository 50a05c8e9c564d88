package io.warren.broker.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.broker.BrokerException;
import io.warren.broker.ErrorCode;
import org.junit.jupiter.api.Test;

/**
 * The memory guard's heap backstop holds producers back when the JVM's heap stays full and the broker holds a good
 * share of its budget — and only then, so an application whose own data fills the heap still gets its sends through.
 */
class HeapBackstopTest {
    private static final long LIMIT = 1_000;
    private static final long WATERMARK = 500;

    /** A heap that is always 95 % full after collection. */
    private static final class FullHeap extends HeapWatch {
        FullHeap() {
            super(0.9);
        }

        @Override
        boolean full() {
            return true;
        }

        @Override
        int percent() {
            return 95;
        }
    }

    private final MemoryGuard guard = new MemoryGuard("b", LIMIT, 20, WATERMARK, new FullHeap());

    @Test
    void aFullHeapDoesNotHoldBackProducersOfABrokerHoldingLittle() {
        guard.add(WATERMARK - 100);

        assertThat(guard.hasCapacity()).isTrue();
        guard.awaitCapacity();
    }

    @Test
    void aFullHeapHoldsBackProducersOfABrokerPastItsPagingWatermarkAndSaysWhy() {
        guard.add(WATERMARK + 100);

        assertThat(guard.hasCapacity()).isFalse();
        assertThatThrownBy(guard::awaitCapacity).isInstanceOfSatisfying(BrokerException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_ERROR))
                .hasMessageContaining("heap 95% full after garbage collection");

        guard.release(200);
        assertThat(guard.hasCapacity()).isTrue();
    }
}
