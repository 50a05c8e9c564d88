package io.warren.broker.store.journal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HolderColumnTest {

    @Test
    void aQueueIndexBeyondAShortWidensTheColumnAndAResizeNarrowsItOnceItIsGone() {
        HolderColumn column = new HolderColumn(4);
        column.set(0, MessageTable.NO_QUEUE);
        column.set(1, Short.MAX_VALUE);
        assertThat(column.isWide()).isFalse();

        column.set(2, Short.MAX_VALUE + 1);
        assertThat(column.isWide()).isTrue();
        assertThat(new int[] {column.get(0), column.get(1), column.get(2)})
                .containsExactly(MessageTable.NO_QUEUE, Short.MAX_VALUE, Short.MAX_VALUE + 1);

        column.resize(8, 3);
        assertThat(column.isWide()).isTrue();
        column.close(2, 3);
        column.resize(8, 2);
        assertThat(column.isWide()).isFalse();
        assertThat(new int[] {column.get(0), column.get(1)}).containsExactly(MessageTable.NO_QUEUE, Short.MAX_VALUE);
    }

    @Test
    void copyingFromAWideColumnIntoANarrowOneKeepsTheHolders() {
        HolderColumn narrow = new HolderColumn(4);
        HolderColumn wide = new HolderColumn(4);
        narrow.set(0, 3);
        wide.set(0, 100_000);
        wide.set(1, 7);
        narrow.copy(wide, 0, 1, 2);

        assertThat(new int[] {narrow.get(0), narrow.get(1), narrow.get(2)}).containsExactly(3, 100_000, 7);
    }
}
