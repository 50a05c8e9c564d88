package io.warren.broker.store.journal;

import java.nio.file.Path;

/** A segment file on disk: its sequence number, where it is and how many valid bytes it holds. */
record SegmentFile(long sequence, Path path, long size) {
}
