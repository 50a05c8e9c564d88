package io.warren.broker.store.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/** Opens the channels the journal writes through; tests substitute one that fails on demand. */
@FunctionalInterface
interface ChannelOpener {
    /** Plain file channels, which an interrupt of a thread using them closes. */
    ChannelOpener PLAIN = FileChannel::open;
    /** Channels that survive an interrupt of the thread using them ({@link InterruptSafeChannel}). */
    ChannelOpener DEFAULT = InterruptSafeChannel.wrapping(PLAIN);

    FileChannel open(Path path, OpenOption... options) throws IOException;
}
