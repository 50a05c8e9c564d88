package io.warren.broker.store.journal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link JournalStore}.
 *
 * @param directory           the data directory; created if missing, and locked while the store is open
 * @param segmentSize         the size at which the journal starts a new segment file (a single larger batch
 *                            still goes into one segment)
 * @param syncPolicy          when writes are forced to disk
 * @param syncWindow          the longest a write waits for its sync under {@link SyncPolicy#BATCHED}
 * @param compactionMinBytes  the journal is never compacted while smaller than this
 * @param compactionLiveRatio the journal is compacted once live data is estimated to be at most this fraction
 *                            of it, so each compaction rewrites at most this fraction of what it replaces
 */
public record JournalConfig(Path directory, long segmentSize, SyncPolicy syncPolicy, Duration syncWindow,
                            long compactionMinBytes, double compactionLiveRatio) {
    public static final long DEFAULT_SEGMENT_SIZE = 64L << 20;
    public static final Duration DEFAULT_SYNC_WINDOW = Duration.ofMillis(2);
    public static final double DEFAULT_COMPACTION_LIVE_RATIO = 0.5;
    /** Smallest segment size accepted. */
    public static final long MIN_SEGMENT_SIZE = 1024;
    /** Largest segment size accepted. */
    public static final long MAX_SEGMENT_SIZE = 1L << 30;

    public JournalConfig {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(syncPolicy, "syncPolicy");
        Objects.requireNonNull(syncWindow, "syncWindow");
        if (segmentSize < MIN_SEGMENT_SIZE || segmentSize > MAX_SEGMENT_SIZE) {
            throw new IllegalArgumentException("segment size must be " + MIN_SEGMENT_SIZE + ".." + MAX_SEGMENT_SIZE
                    + " bytes, was " + segmentSize);
        }
        if (syncWindow.isNegative()) {
            throw new IllegalArgumentException("sync window must not be negative, was " + syncWindow);
        }
        if (compactionMinBytes < 0) {
            throw new IllegalArgumentException("compaction minimum must not be negative, was " + compactionMinBytes);
        }
        if (!(compactionLiveRatio > 0 && compactionLiveRatio < 1)) {
            throw new IllegalArgumentException("compaction live ratio must be between 0 and 1 (exclusive), was "
                    + compactionLiveRatio);
        }
    }

    /** The defaults: 64 MiB segments, {@link SyncPolicy#ALWAYS}, compaction from two segments' worth of data. */
    public static JournalConfig of(Path directory) {
        return builder(directory).build();
    }

    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /** Builds a {@link JournalConfig}; unset values take the documented defaults. */
    public static final class Builder {
        private final Path directory;
        private long segmentSize = DEFAULT_SEGMENT_SIZE;
        private SyncPolicy syncPolicy = SyncPolicy.ALWAYS;
        private Duration syncWindow = DEFAULT_SYNC_WINDOW;
        private long compactionMinBytes = -1;
        private double compactionLiveRatio = DEFAULT_COMPACTION_LIVE_RATIO;

        private Builder(Path directory) {
            this.directory = directory;
        }

        public Builder segmentSize(long bytes) {
            this.segmentSize = bytes;
            return this;
        }

        public Builder syncPolicy(SyncPolicy policy) {
            this.syncPolicy = policy;
            return this;
        }

        public Builder syncWindow(Duration window) {
            this.syncWindow = window;
            return this;
        }

        /** Defaults to twice the segment size. */
        public Builder compactionMinBytes(long bytes) {
            this.compactionMinBytes = bytes;
            return this;
        }

        public Builder compactionLiveRatio(double ratio) {
            this.compactionLiveRatio = ratio;
            return this;
        }

        public JournalConfig build() {
            long minBytes = compactionMinBytes >= 0 ? compactionMinBytes : 2 * segmentSize;
            return new JournalConfig(directory, segmentSize, syncPolicy, syncWindow, minBytes, compactionLiveRatio);
        }
    }
}
