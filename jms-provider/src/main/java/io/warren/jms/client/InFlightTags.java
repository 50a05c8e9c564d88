package io.warren.jms.client;

import java.util.ArrayList;
import java.util.List;

/**
 * The delivery tags of messages an AUTO or DUPS_OK session handed to the application whose {@code receive} or
 * listener has not completed yet: the messages {@code Session.recover()} called inside a listener returns, and
 * which must then not be acknowledged when the listener ends. A session runs one listener or receive at a time,
 * so this holds one tag almost always.
 */
final class InFlightTags {
    private final List<Long> tags = new ArrayList<>(2);

    synchronized void add(long tag) {
        tags.add(tag);
    }

    /** @return whether the tag was in flight (and not taken by a recover) */
    synchronized boolean remove(long tag) {
        return tags.remove(Long.valueOf(tag));
    }

    synchronized List<Long> takeAll() {
        if (tags.isEmpty()) {
            return List.of();
        }
        List<Long> taken = new ArrayList<>(tags);
        tags.clear();
        return taken;
    }
}
