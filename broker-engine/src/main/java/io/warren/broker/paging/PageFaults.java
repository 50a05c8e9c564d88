package io.warren.broker.paging;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Decides which writes of a {@link PageStore} fail, as a full or broken disk would make them: the seam tests use
 * to check that a failed page write leaves queues and transactions as they were. Called under the store's lock,
 * before the write touches the file or the store's accounting.
 */
@FunctionalInterface
interface PageFaults {
    /** The writes a page store makes. */
    enum Write {
        /** A message's record, appended to the write buffer or, when larger, to the file. */
        APPEND,
        /** The write buffer, written to the file. */
        FLUSH,
        /** A new page file. */
        CREATE
    }

    /** Throws to make the write fail. */
    void check(Write write, Path file) throws IOException;
}
