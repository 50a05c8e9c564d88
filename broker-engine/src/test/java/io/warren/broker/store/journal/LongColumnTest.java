package io.warren.broker.store.journal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LongColumnTest {

    @Test
    void valuesWithinAnIntOfTheFirstStayNarrow() {
        LongColumn column = new LongColumn(4);
        column.set(0, 1_700_000_000_000L);
        column.set(1, 1_700_000_000_000L + Integer.MAX_VALUE);
        column.set(2, 1_700_000_000_000L + Integer.MIN_VALUE);

        assertThat(column.isWide()).isFalse();
        assertThat(column.get(1)).isEqualTo(1_700_000_000_000L + Integer.MAX_VALUE);
        assertThat(column.get(2)).isEqualTo(1_700_000_000_000L + Integer.MIN_VALUE);
    }

    @Test
    void aValueOutOfReachWidensTheColumnAndKeepsEveryValue() {
        LongColumn column = new LongColumn(4);
        column.set(0, 5);
        column.set(1, 6);
        column.set(2, Long.MIN_VALUE);
        column.set(3, Long.MAX_VALUE);

        assertThat(column.isWide()).isTrue();
        assertThat(new long[] {column.get(0), column.get(1), column.get(2), column.get(3)})
                .containsExactly(5, 6, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Test
    void aResizeNarrowsAWideColumnWhoseRowsInUseFitAgain() {
        LongColumn column = new LongColumn(4);
        column.set(0, MessageLocation.of(3, 100));
        column.set(1, MessageLocation.of(3, 200));
        column.set(2, MessageLocation.of(4, 100));
        column.close(2, 3);
        column.resize(8, 2);

        assertThat(column.isWide()).isFalse();
        assertThat(column.capacity()).isEqualTo(8);
        assertThat(column.get(0)).isEqualTo(MessageLocation.of(3, 100));
        assertThat(column.get(1)).isEqualTo(MessageLocation.of(3, 200));
        // centred between the rows, so values an int beyond either still fit
        column.set(2, MessageLocation.of(3, 100) + Integer.MIN_VALUE + 200);
        assertThat(column.isWide()).isFalse();
    }

    @Test
    void aResizeKeepsAColumnWideWhileItsRowsSpreadBeyondAnInt() {
        LongColumn column = new LongColumn(2);
        column.set(0, MessageLocation.ofRecord(1, 0));
        column.set(1, MessageLocation.of(1, 0));
        column.resize(4, 2);

        assertThat(column.isWide()).isTrue();
        assertThat(column.get(0)).isEqualTo(MessageLocation.ofRecord(1, 0));
        assertThat(column.get(1)).isEqualTo(MessageLocation.of(1, 0));
    }

    @Test
    void copyingBetweenColumnsOfDifferentBasesKeepsTheValues() {
        LongColumn lower = new LongColumn(4);
        LongColumn upper = new LongColumn(4);
        lower.set(0, 10);
        lower.set(1, 20);
        upper.set(0, 1_000_000);
        upper.set(1, 3_000_000_000L);
        lower.copy(upper, 0, 2, 2);

        assertThat(new long[] {lower.get(0), lower.get(1), lower.get(2), lower.get(3)})
                .containsExactly(10, 20, 1_000_000, 3_000_000_000L);
    }
}
