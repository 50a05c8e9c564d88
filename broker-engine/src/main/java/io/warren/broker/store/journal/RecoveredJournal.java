package io.warren.broker.store.journal;

import java.nio.file.Path;
import java.util.List;

/**
 * What recovery found: the state the journal amounts to, the segments it continues with (oldest first, the
 * last one to be appended to; empty for a new journal), and how many bytes of the snapshot those segments
 * start with are not message records (0 if there is no snapshot), which tells compaction what a snapshot
 * costs beyond the live messages; and the files of the directory that are not the journal's, which recovery
 * ignored (with a warning); the index of the last segment, open for the writer to continue (null for a new
 * journal); and how many segments were recovered from their index rather than scanned.
 */
record RecoveredJournal(LiveState state, List<SegmentFile> segments, long snapshotOverhead, List<Path> ignored,
                        IndexBuilder activeIndex, int indexedSegments) {
}
