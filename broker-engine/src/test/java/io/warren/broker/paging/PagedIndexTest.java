package io.warren.broker.paging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PagedIndexTest {

    @Test
    void aPagedMessageCostsSixteenBytesOfIndexAndEightMoreWhenItExpires() {
        assertThat(PagedIndex.BYTES_PER_MESSAGE).isEqualTo(16);
        assertThat(PagedIndex.footprint(0)).isEqualTo(16);
        assertThat(PagedIndex.footprint(System.currentTimeMillis())).isEqualTo(24);
    }

    @Test
    void expiriesAreKeptInChunksWhereSomeMessageExpiresAndAreZeroElsewhere() {
        PagedIndex index = new PagedIndex();
        for (int i = 0; i < 3000; i++) {
            // the middle chunk has one expiring message among never-expiring ones
            index.append(PageRef.ofStore(i + 1), i == 1500 ? 99L : 0L, 1, 0);
        }
        assertThat(index.expiresAt(1500)).isEqualTo(99);
        assertThat(index.expiresAt(1499)).isZero();
        assertThat(index.expiresAt(1501)).isZero();
        assertThat(index.expiresAt(10)).isZero();
        assertThat(index.expiresAt(2999)).isZero();
    }

    @Test
    void slotsKeepTheirFieldsAndIndicesAcrossChunks() {
        PagedIndex index = new PagedIndex();
        for (int i = 0; i < 5000; i++) {
            assertThat(index.append(PageRef.ofStore(i + 1), i * 10L, i, i % 7)).isEqualTo(i);
        }
        assertThat(index.ref(4321)).isEqualTo(4322);
        assertThat(index.expiresAt(4321)).isEqualTo(43210);
        assertThat(index.size(4321)).isEqualTo(4321);
        assertThat(index.deliveryCount(4321)).isEqualTo(4321 % 7);
        assertThat(index.state(4321)).isEqualTo(PagedIndex.AVAILABLE);
        assertThat(index.live()).isEqualTo(5000);
    }

    @Test
    void removingFromTheMiddleLeavesATombstoneUntilTheHeadPassesIt() {
        PagedIndex index = new PagedIndex();
        for (int i = 0; i < 3000; i++) {
            index.append(PageRef.ofPage(i), 0, 1, 0);
        }
        index.remove(1500);
        assertThat(index.state(1500)).isEqualTo(PagedIndex.REMOVED);
        assertThat(index.start()).isZero();
        for (int i = 0; i < 1500; i++) {
            index.remove(i);
        }
        assertThat(index.start()).isEqualTo(1501);
        assertThat(index.state(10)).isEqualTo(PagedIndex.REMOVED);
        assertThat(index.live()).isEqualTo(1499);
        assertThat(PageRef.location(index.ref(1501))).isEqualTo(1501);
    }

    @Test
    void anAcquiredSlotKeepsItsPlaceAndCanBeMadeAvailableAgain() {
        PagedIndex index = new PagedIndex();
        index.append(PageRef.ofStore(7), 0, 10, 0);
        index.append(PageRef.ofStore(8), 0, 10, 0);
        index.set(0, PagedIndex.ACQUIRED, 1);
        index.remove(1);
        assertThat(index.start()).isZero();
        index.set(0, PagedIndex.AVAILABLE, 1);
        assertThat(index.deliveryCount(0)).isEqualTo(1);
        index.remove(0);
        assertThat(index.isEmpty()).isTrue();
        assertThat(index.append(PageRef.ofStore(9), 0, 1, 0)).isEqualTo(2);
        assertThat(index.ref(2)).isEqualTo(9);
    }

    @Test
    void clearingForgetsEverySlotAndIndicesGoOnGrowing() {
        PagedIndex index = new PagedIndex();
        for (int i = 0; i < 2000; i++) {
            index.append(PageRef.ofStore(i + 1), 0, 1, 0);
        }
        index.clear();
        assertThat(index.isEmpty()).isTrue();
        assertThat(index.live()).isZero();
        assertThat(index.append(PageRef.ofStore(1), 0, 1, 0)).isEqualTo(2000);
        assertThat(index.ref(2000)).isEqualTo(1);
    }

    @Test
    void refsTellStoredContentFromPageLocations() {
        assertThat(PageRef.isStored(PageRef.ofStore(5))).isTrue();
        assertThat(PageRef.storeId(PageRef.ofStore(5))).isEqualTo(5);
        long page = PageRef.ofPage(0);
        assertThat(PageRef.isStored(page)).isFalse();
        assertThat(PageRef.storeId(page)).isZero();
        assertThat(PageRef.location(page)).isZero();
        assertThat(PageRef.location(PageRef.ofPage(3L << 32 | 77))).isEqualTo(3L << 32 | 77);
    }
}
