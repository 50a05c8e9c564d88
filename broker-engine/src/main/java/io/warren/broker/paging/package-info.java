/**
 * Paging: queues whose backlog outgrows the heap keep it on disk.
 *
 * <p><b>When.</b> {@link io.warren.broker.paging.PagingPolicy} decides per arrival: a queue pages once its own
 * messages occupy {@code queuePagingThreshold} bytes of heap, or once the broker's memory guard is past its
 * paging watermark and the queue holds at least 1/64 of the memory limit. A priority level that has paged
 * messages pages every later arrival too, so that it stays in FIFO order.
 *
 * <p><b>What stays on the heap.</b> Per paged message one slot of a {@link io.warren.broker.paging.PagedIndex}:
 * a {@link io.warren.broker.paging.PageRef} (store id or page-file location), the expiry, the body size and the
 * delivery count with a state, in primitive arrays of 1,024-slot chunks — 24 bytes.
 *
 * <p><b>Where the content is.</b> Persistent messages of durable queues on a store that keeps them: in the store,
 * read back with {@code Store.read}. Everything else: in the broker's {@link io.warren.broker.paging.PageStore},
 * unsynced append-only files deleted once none of their messages is live, and all at start and stop.
 *
 * <p><b>Back in.</b> The queue ({@code io.warren.broker.queue.QueuePager}) moves a level's next
 * {@code pagingReadAhead} messages onto the heap when consumers reach the end of what is there, with their
 * content read ahead on the broker's page-reader thread without the queue's lock; selector consumers and
 * browsers read deep content where it lies.
 */
package io.warren.broker.paging;
