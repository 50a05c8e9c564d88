package io.warren.benchmarks.paging;

import java.util.Locale;

/**
 * What a backlog run fills: a deep queue (more than the broker should hold on the heap) or one small enough to
 * stay in memory, with persistent or non-persistent messages. The in-memory cases are what the deep ones are
 * compared with: issue 13 asks that a paged backlog drain at no less than half the in-memory rate.
 */
public enum PagingCase {
    P1("deep queue, persistent", true, true),
    P2("deep queue, non-persistent", true, false),
    M1("in-memory queue, persistent", false, true),
    M2("in-memory queue, non-persistent", false, false);

    private final String title;
    private final boolean deep;
    private final boolean persistent;

    PagingCase(String title, boolean deep, boolean persistent) {
        this.title = title;
        this.deep = deep;
        this.persistent = persistent;
    }

    public String title() {
        return title;
    }

    public boolean deep() {
        return deep;
    }

    public boolean persistent() {
        return persistent;
    }

    /** The in-memory case a deep one is compared with, or this case itself. */
    public PagingCase inMemoryCounterpart() {
        return !deep ? this : persistent ? M1 : M2;
    }

    /** The case with this id, case-insensitive. */
    public static PagingCase of(String id) {
        try {
            return valueOf(id.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown case '" + id + "': known are P1, P2, M1, M2");
        }
    }
}
