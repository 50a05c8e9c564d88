package io.warren.broker.paging;

/**
 * Where a paged message's content is, as one {@code long} in a {@link PagedIndex}: a positive value is the
 * message's store id (the content is read back with {@code Store.read}), a negative one a location in the
 * broker's {@link PageStore}. Zero is never a ref.
 */
public final class PageRef {
    private PageRef() {
    }

    /** The ref of a message the store holds under {@code storeId} (positive). */
    public static long ofStore(long storeId) {
        if (storeId <= 0) {
            throw new IllegalArgumentException("store id " + storeId);
        }
        return storeId;
    }

    /** The ref of a message at {@code location} (non-negative) in the page store. */
    public static long ofPage(long location) {
        return -location - 1;
    }

    public static boolean isStored(long ref) {
        return ref > 0;
    }

    /** The store id of a stored ref, else 0. */
    public static long storeId(long ref) {
        return ref > 0 ? ref : 0;
    }

    /** The page-store location of a page ref. */
    public static long location(long ref) {
        return -ref - 1;
    }
}
