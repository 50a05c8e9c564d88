package io.warren.server.config;

import io.warren.broker.BrokerConfig;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How the broker pages deep queues to disk, from {@code paging.enabled}, {@code vm_memory_high_watermark_paging_ratio},
 * {@code paging.queue_threshold}, {@code paging.max_disk}, {@code paging.file_size} and {@code paging.read_ahead}.
 * An empty value leaves the engine's default (see {@link BrokerConfig}). Immutable; values were range-checked when
 * read.
 *
 * @param enabled        whether deep queues page at all
 * @param ratio          share of the memory limit past which deep queues page ({@link BrokerConfig#pagingWatermark()})
 * @param queueThreshold heap one queue may hold before it pages, bytes
 * @param maxDisk        bytes the page files may occupy
 * @param fileSize       size of one page file, bytes
 * @param readAhead      messages paged back in at a time
 */
public record PagingSettings(Optional<Boolean> enabled, OptionalDouble ratio, OptionalLong queueThreshold,
                             OptionalLong maxDisk, OptionalLong fileSize, OptionalInt readAhead) {

    /** Nothing set: the engine's defaults throughout. */
    public static PagingSettings defaults() {
        return new PagingSettings(Optional.empty(), OptionalDouble.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalInt.empty());
    }

    /** Sets on {@code builder} what was configured. */
    void applyTo(BrokerConfig.Builder builder) {
        enabled.ifPresent(builder::paging);
        ratio.ifPresent(builder::pagingWatermark);
        queueThreshold.ifPresent(builder::queuePagingThreshold);
        maxDisk.ifPresent(builder::pagingMaxDisk);
        fileSize.ifPresent(builder::pageFileSize);
        readAhead.ifPresent(builder::pagingReadAhead);
    }
}
