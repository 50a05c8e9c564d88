package io.warren.broker;

/**
 * Where a queue browse continues: the priority level being read and, within it, the level's arrival sequence of
 * the last message looked at, with a hint of the heap index to resume from. A value; only the queue that
 * returned it interprets it. A message is never returned twice by a chain of browses, and one that stays in
 * the queue (and matches) from the first browse to the last is returned once, wherever paging moves it.
 *
 * @param level    priority level, {@link Integer#MAX_VALUE} for the highest the queue has; negative when done
 * @param sequence arrival sequence within the level of the last message looked at, -1 for none yet
 * @param heapHint heap index of the level to resume scanning its heap part from
 */
public record BrowsePosition(int level, long sequence, long heapHint) {
    /** Before the first message of the queue. */
    public static final BrowsePosition START = new BrowsePosition(Integer.MAX_VALUE, -1, Long.MIN_VALUE);

    /** Whether the browse has reached the end of the queue. */
    public boolean isDone() {
        return level < 0;
    }
}
