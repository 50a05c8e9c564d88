package io.warren.broker.queue;

import io.warren.broker.BrokerException;
import io.warren.broker.BrowseBatch;
import io.warren.broker.BrowsePosition;
import io.warren.broker.ErrorCode;
import io.warren.broker.exchange.MessageEvaluationContext;
import io.warren.broker.paging.PagedIndex;
import io.warren.broker.paging.PagingPolicy;
import io.warren.broker.store.MessageSummary;
import io.warren.message.Message;
import io.warren.selector.Selector;
import io.warren.broker.store.QueueRecord;
import io.warren.broker.store.StoreBatch;
import io.warren.broker.store.StoreOperation;
import io.warren.thread.SpinThenParkLock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A queue: holds messages in priority and arrival order and pushes them to its consumers up to each one's
 * prefetch. All state sits behind one lock per queue; publishers, acknowledgements and timers (TTL, delivery
 * delay, {@code x-expires}) each take it briefly. Delivered but unacknowledged entries keep their place, so
 * a requeued message returns to its original position.
 *
 * <p><b>Paging.</b> Each priority level is a window of entries on the heap followed by a paged part
 * ({@link QueuePager}): once the queue or the broker is past its paging threshold, new arrivals of a level go to
 * the paged part, and so do all later arrivals of that level while it has paged messages, so each level stays
 * in FIFO order. When consumers reach the end of a level's window, the next {@code readAhead} messages of the
 * level are paged back in (read under the lock) before any lower level is looked at, so priority across levels
 * is kept exactly as without paging. Selector consumers and browsers read paged content where it lies; a
 * selector consumer takes a deep message without paging in those before it. Paged messages expire lazily: they
 * count in the depth until they are paged in, reached by a selector scan, purged or dropped. Delayed messages
 * stay on the heap until due.
 *
 * <p>Operations that touch several queues at once lock them in {@link #id()} order.
 */
public final class MessageQueue {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MessageQueue.class);
    private static final AtomicLong IDS = new AtomicLong();
    /** Paged messages a selector scan reads at once. */
    private static final int SCAN_BATCH = 64;
    /** How long a due delayed message waits before its page write is tried again. */
    private static final long DELAY_RETRY_MILLIS = 1000;

    private final long id = IDS.incrementAndGet();
    private final QueueHost host;
    private final String name;
    private final boolean durable;
    private final boolean autoDelete;
    private final String owner;
    private final QueueArguments arguments;
    private final SpinThenParkLock lock = new SpinThenParkLock();
    private final EntryList[] levels;
    /** Per level, the arrival sequence the next message gets ({@link QueueEntry#seq}). */
    private final long[] nextSeq;
    private final QueuePager pager;
    private final ExpiryHeap expiring = new ExpiryHeap();
    private final PriorityQueue<QueueEntry> delayed =
            new PriorityQueue<>(Comparator.comparingLong((QueueEntry e) -> e.message.deliveryTime()));
    private final List<QueueConsumer> consumers = new ArrayList<>();
    private int nextConsumer;
    private int available;
    private long availableBytes;
    private int acquired;
    private boolean hadConsumer;
    private volatile boolean deleted;
    private long lastUsed;
    private ScheduledFuture<?> expiryTimer;
    private long expiryTimerAt;
    private ScheduledFuture<?> delayTimer;
    private long delayTimerAt;
    private ScheduledFuture<?> unusedTimer;
    private List<DeadLetter> pendingDeadLetters;
    private long heldBytes;
    private final QueueCounters counters = new QueueCounters();

    /**
     * @param owner the id of the connection owning an exclusive queue, or null
     */
    public MessageQueue(QueueHost host, String name, boolean durable, boolean autoDelete, String owner,
                        QueueArguments arguments) {
        this.host = host;
        this.name = name;
        this.durable = durable;
        this.autoDelete = autoDelete;
        this.owner = owner;
        this.arguments = arguments;
        int n = arguments.maxPriority() >= 0 ? arguments.maxPriority() + 1 : 1;
        this.levels = new EntryList[n];
        this.nextSeq = new long[n];
        for (int i = 0; i < n; i++) {
            levels[i] = new EntryList();
        }
        this.pager = new QueuePager(host, n);
        this.lastUsed = host.now();
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean isDurable() {
        return durable;
    }

    public boolean isAutoDelete() {
        return autoDelete;
    }

    public boolean isExclusive() {
        return owner != null;
    }

    /** Id of the connection owning this exclusive queue, or null. */
    public String owner() {
        return owner;
    }

    public QueueArguments arguments() {
        return arguments;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public QueueRecord toRecord() {
        return new QueueRecord(host.virtualHostName(), name, autoDelete, arguments.raw());
    }

    // ---- locking ---------------------------------------------------------------------------------------

    /** Takes this queue's lock; pair with {@link #unlock()}. */
    public void lock() {
        lock.lock();
        DeferredActions.current().entered();
    }

    /** Releases the lock; when the thread holds no queue lock any more, runs deferred work. */
    public void unlock() {
        List<DeadLetter> letters = pendingDeadLetters;
        pendingDeadLetters = null;
        DeferredActions deferred = DeferredActions.current();
        if (letters != null) {
            deferred.defer(() -> host.deadLetter(this, letters));
        }
        lock.unlock();
        deferred.exited();
    }

    // ---- publishing ------------------------------------------------------------------------------------

    /**
     * Whether an arrival of {@code message} could be paged: the queue pages already, or holds nearly enough to
     * start. Read without the lock, to choose how a publish to several queues goes (see
     * {@link PagingPolicy#nearThreshold}).
     */
    public boolean mayPage(Message message) {
        return pager.live() > 0 || host.paging().nearThreshold(heldBytes, message.footprint());
    }

    /** Enqueues a message; returns false when the queue refuses it (overflow {@code reject-publish}). */
    public boolean offer(Message message, long storeId) {
        lock();
        try {
            if (deleted || !admitsLocked(message)) {
                return false;
            }
            enqueueLocked(message, storeId, 0, host.now());
            return true;
        } finally {
            unlock();
        }
    }

    /**
     * Whether a publish of {@code message} is accepted under the queue's length limits. A refused message is
     * dead-lettered when the overflow mode is {@code reject-publish-dlx}. Caller holds the lock.
     */
    public boolean admitsLocked(Message message) {
        if (acceptsLocked(message)) {
            return true;
        }
        refuseLocked(message);
        return false;
    }

    /** {@link #admitsLocked} without its effect on a refused message ({@link #refuseLocked}). Caller holds the lock. */
    public boolean acceptsLocked(Message message) {
        return arguments.overflow() == Overflow.DROP_HEAD || !wouldOverflow(message);
    }

    /** Handles a publish {@link #acceptsLocked} refused: dead-lettered under {@code reject-publish-dlx}. */
    void refuseLocked(Message message) {
        if (arguments.overflow() == Overflow.REJECT_PUBLISH_DLX && arguments.deadLetterExchange() != null) {
            counters.deadLettered++;
            addDeadLetter(new DeadLetter(message, 0, DeadLetterReason.MAXLEN));
        }
    }

    private boolean wouldOverflow(Message message) {
        long maxLength = arguments.maxLength();
        long maxBytes = arguments.maxLengthBytes();
        return maxLength >= 0 && readyCount() + 1 > maxLength
                || maxBytes >= 0 && availableBytes + message.bodySize() > maxBytes;
    }

    /**
     * Adds a message (new, recovered or moved) behind those of its priority. Caller holds the lock and has
     * checked {@link #admitsLocked}.
     *
     * @param storeId       the store id when persisted for this queue, else 0
     * @param deliveryCount deliveries so far (non-zero for recovered messages)
     * @param enqueuedAt    when the queue received the message (earlier than now for recovered ones); the
     *                      queue's TTL counts from it
     */
    public void enqueueLocked(Message message, long storeId, int deliveryCount, long enqueuedAt) {
        insertLocked(message, storeId, deliveryCount, enqueuedAt);
        counters.published++;
    }

    /**
     * Puts back a message recovered from the store, as {@link #enqueueLocked} does but without counting it as
     * published. Caller holds the lock.
     */
    public void restoreLocked(Message message, long storeId, int deliveryCount, long enqueuedAt) {
        insertLocked(message, storeId, deliveryCount, enqueuedAt);
    }

    /**
     * Puts back a stored message recovered by its summary alone, paged without reading its content when the
     * queue is deep. Caller holds the lock.
     *
     * @return false when the queue wants the message on the heap: the caller reads it and calls
     *         {@link #restoreLocked}
     */
    public boolean restorePagedLocked(MessageSummary summary, int deliveryCount, long enqueuedAt) {
        int level = Math.min(summary.priority(), levels.length - 1);
        long ttl = arguments.messageTtl();
        if (summary.deliveryTime() > host.now() || ttl == 0
                || !pager.shouldPage(level, heldBytes, summary.messageId())) {
            return false;
        }
        pager.appendStored(level, nextSeq[level]++, summary.messageId(), expiresAt(summary.expiration(), enqueuedAt),
                summary.bodySize(), deliveryCount);
        available++;
        availableBytes += summary.bodySize();
        dropOverflowLocked();
        return true;
    }

    private long expiresAt(long expiration, long enqueuedAt) {
        long expiresAt = expiration;
        long ttl = arguments.messageTtl();
        if (ttl >= 0 && (expiresAt == 0 || enqueuedAt + ttl < expiresAt)) {
            expiresAt = enqueuedAt + ttl;
        }
        return expiresAt;
    }

    private void insertLocked(Message message, long storeId, int deliveryCount, long enqueuedAt) {
        long now = host.now();
        int level = levelOf(message);
        long expiresAt = expiresAt(message.expiration(), enqueuedAt);
        if (pagesLocked(message, level, storeId, now, heldBytes, false)) {
            // Written before anything changes: a failed write leaves the queue as it was.
            long ref = pager.write(message, storeId);
            insertPagedLocked(level, ref, message, expiresAt, deliveryCount);
            return;
        }
        insertHeapLocked(message, storeId, deliveryCount, expiresAt, level, now);
    }

    private int levelOf(Message message) {
        return Math.min(message.priority(), levels.length - 1);
    }

    /**
     * Whether an arrival goes to the paged part of its level.
     *
     * @param heapBytes         the queue's heap bytes to judge by
     * @param pagedEarlierInBatch whether an earlier arrival of the same batch pages at this level (so this one
     *                          must too, to stay behind it)
     */
    private boolean pagesLocked(Message message, int level, long storeId, long now, long heapBytes,
                                boolean pagedEarlierInBatch) {
        return message.deliveryTime() <= now && arguments.messageTtl() != 0
                && (pagedEarlierInBatch || pager.shouldPage(level, heapBytes, storeId));
    }

    private void insertPagedLocked(int level, long ref, Message message, long expiresAt, int deliveryCount) {
        pageOutLocked(level, ref, message, expiresAt, deliveryCount);
        dropOverflowLocked();
        dispatchLocked();
    }

    private void insertHeapLocked(Message message, long storeId, int deliveryCount, long expiresAt, int level,
                                  long now) {
        QueueEntry e = new QueueEntry(message, storeId, expiresAt, deliveryCount);
        e.level = level;
        long bytes = e.footprint();
        heldBytes += bytes;
        host.memory().add(bytes);
        if (message.deliveryTime() > now) {
            e.state = QueueEntry.DELAYED;
            delayed.add(e);
            scheduleDelayLocked();
        } else {
            appendAvailable(e);
            dropOverflowLocked();
        }
        if (expiresAt != 0 && e.state != QueueEntry.REMOVED) {
            expiring.add(e);
            scheduleExpiryLocked();
        }
        dispatchLocked();
        if (arguments.messageTtl() == 0 && e.state == QueueEntry.AVAILABLE) {
            // x-message-ttl 0: delivered now to a waiting consumer, or expired.
            expireLocked(e);
        }
    }

    /**
     * First half of an enqueue that happens together with others or not at all (a transaction's publishes, a
     * publish to several queues): decides where the message goes and writes the page content a paged arrival
     * needs, changing nothing else. Caller holds the lock, has checked {@link #acceptsLocked}, and prepares the
     * batch's arrivals to this queue in order with the same {@code plan}.
     *
     * @throws BrokerException {@code STORE_ERROR} when the page store cannot write; the queue is unchanged
     */
    Arrivals.Arrival prepareLocked(Message message, long storeId, long now, Arrivals.Plan plan) {
        int level = levelOf(message);
        if (pagesLocked(message, level, storeId, now, heldBytes + plan.heapBytes, plan.paged(level))) {
            long ref = pager.write(message, storeId);
            plan.paging(level, levels.length);
            return new Arrivals.Arrival(this, message, storeId, level, ref);
        }
        plan.heapBytes += message.footprint() + QueueEntry.ENTRY_OVERHEAD;
        return new Arrivals.Arrival(this, message, storeId, level, 0);
    }

    /**
     * Second half: enqueues a prepared arrival where {@link #prepareLocked} decided, without writing to the page
     * store, as received at {@code now} (the time it was prepared at). Caller holds the lock it held to prepare it.
     */
    void enqueueLocked(Arrivals.Arrival a, long now) {
        counters.published++;
        long expiresAt = expiresAt(a.message().expiration(), now);
        if (a.ref() != 0) {
            insertPagedLocked(a.level(), a.ref(), a.message(), expiresAt, 0);
        } else {
            insertHeapLocked(a.message(), a.storeId(), 0, expiresAt, a.level(), now);
        }
    }

    /** Frees the page content of an arrival prepared and then not enqueued. */
    void discard(Arrivals.Arrival a) {
        pager.discard(a.ref());
    }

    private void pageOutLocked(int level, long ref, Message message, long expiresAt, int deliveryCount) {
        pager.appendRef(level, nextSeq[level]++, ref, expiresAt, message.bodySize(), deliveryCount);
        available++;
        availableBytes += message.bodySize();
    }

    private void dropOverflowLocked() {
        while (overLimit()) {
            if (!dropHeadLocked()) {
                break;
            }
        }
    }

    /**
     * Makes a due delayed entry available behind the others of its level, paged when the level is; false, with
     * the entry left as it was, when its page content cannot be written.
     */
    private boolean makeAvailableLocked(QueueEntry e) {
        if (!pager.hasPaged(e.level)) {
            appendAvailable(e);
            return true;
        }
        long ref;
        try {
            ref = pager.write(e.message, e.storeId);
        } catch (BrokerException failed) {
            LOG.warn("{}: a due delayed message waits for the page store: {}", this, failed.getMessage());
            return false;
        }
        e.state = QueueEntry.REMOVED;
        forgetHeapEntry(e);
        expiring.remove(e);
        pageOutLocked(e.level, ref, e.message, e.expiresAt, e.deliveryCount);
        return true;
    }

    private void forgetHeapEntry(QueueEntry e) {
        long bytes = e.footprint();
        heldBytes -= bytes;
        host.memory().release(bytes);
    }

    private void appendAvailable(QueueEntry e) {
        e.state = QueueEntry.AVAILABLE;
        e.seq = nextSeq[e.level]++;
        levels[e.level].append(e);
        available++;
        availableBytes += e.message.bodySize();
    }

    private boolean overLimit() {
        long maxLength = arguments.maxLength();
        long maxBytes = arguments.maxLengthBytes();
        return maxLength >= 0 && readyCount() > maxLength || maxBytes >= 0 && availableBytes > maxBytes;
    }

    private boolean dropHeadLocked() {
        for (int l = 0; l < levels.length; l++) {
            EntryList list = levels[l];
            for (long i = list.firstAvailable, end = list.end(); i < end; i++) {
                QueueEntry e = list.get(i);
                if (e != null && e.state == QueueEntry.AVAILABLE) {
                    deadLetterLocked(e, DeadLetterReason.MAXLEN);
                    return true;
                }
            }
            if (pager.hasPaged(l)) {
                PagedIndex index = pager.index(l);
                for (long s = index.start(), end = index.end(); s < end; s++) {
                    if (index.state(s) == PagedIndex.AVAILABLE) {
                        removePagedLocked(l, s, DeadLetterReason.MAXLEN);
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // ---- dispatch --------------------------------------------------------------------------------------

    /** Pushes available messages to consumers with credit, round-robin. Caller holds the lock. */
    private void dispatchLocked() {
        int n = consumers.size();
        if (n == 0 || available == 0) {
            return;
        }
        long now = host.now();
        boolean progress = true;
        while (progress && available > 0) {
            progress = false;
            for (int k = 0; k < n && available > 0; k++) {
                if (nextConsumer >= n) {
                    nextConsumer = 0;
                }
                QueueConsumer c = consumers.get(nextConsumer++);
                if (!c.hasCredit()) {
                    continue;
                }
                QueueEntry e = nextFor(c, c.filter(), now);
                if (e != null) {
                    deliverLocked(e, c);
                    progress = true;
                }
            }
        }
    }

    /**
     * The first available entry, highest priority first, that {@code filter} selects; expires on the way. A
     * level's paged part is paged in (unfiltered) or scanned (filtered) before lower levels are looked at.
     */
    private QueueEntry nextFor(QueueConsumer c, Selector filter, long now) {
        for (int l = levels.length - 1; l >= 0; l--) {
            QueueEntry e = scanLevel(c, filter, l, now);
            if (e != null) {
                return e;
            }
            if (!pager.hasPaged(l)) {
                continue;
            }
            if (filter != null) {
                e = scanPagedLocked(c, filter, l, now);
                if (e != null) {
                    return e;
                }
                continue;
            }
            while (pager.hasPaged(l)) {
                if (c != null && pager.awaitHead(l, this)) {
                    // The level's next messages are being read from disk off the lock; they are dispatched when
                    // in. Lower levels wait too, so that priority order holds.
                    return null;
                }
                pageInLocked(l, now);
                e = scanLevel(c, null, l, now);
                if (e != null) {
                    return e;
                }
            }
        }
        return null;
    }

    /** The first available entry on the heap at level {@code l} that {@code filter} selects. */
    private QueueEntry scanLevel(QueueConsumer c, Selector filter, int l, long now) {
        {
            EntryList list = levels[l];
            boolean shared = filter == null || c == null;
            long i = shared ? list.firstAvailable : Math.max(cursor(c, l), list.firstAvailable);
            long end = list.end();
            boolean hintValid = filter == null;
            for (; i < end; i++) {
                QueueEntry e = list.get(i);
                if (e == null || e.state != QueueEntry.AVAILABLE) {
                    continue;
                }
                if (e.isExpired(now)) {
                    expireLocked(e);
                    continue;
                }
                if (c != null && c.noLocalConnection() != null && c.noLocalConnection().equals(e.message.origin())) {
                    discardLocked(e);
                    continue;
                }
                if (filter != null && !filter.matches(new MessageEvaluationContext(e.message, e.deliveryCount + 1))) {
                    continue;
                }
                if (hintValid) {
                    list.firstAvailable = i;
                } else if (c != null) {
                    c.cursors[l] = i;
                }
                return e;
            }
            if (hintValid) {
                list.firstAvailable = end;
            } else if (c != null && filter != null) {
                c.cursors[l] = end;
            }
        }
        return null;
    }

    /**
     * Moves the next {@code readAhead} paged messages of level {@code l} onto the heap, behind its entries there;
     * expired ones are expired instead, and entries selector consumers took from the slots join the list.
     */
    private void pageInLocked(int l, long now) {
        PagedIndex index = pager.index(l);
        EntryList list = levels[l];
        boolean expiryAdded = false;
        int moved = 0;
        pager.readNow(l, pager.readAhead());
        for (long s = index.start(); s < index.end() && moved < pager.readAhead(); s++) {
            int state = index.state(s);
            if (state == PagedIndex.REMOVED) {
                continue;
            }
            moved++;
            if (state == PagedIndex.ACQUIRED) {
                QueueEntry e = pager.taken(l, s);
                pager.remove(l, s);
                e.paged = false;
                list.append(e);
                continue;
            }
            long expiresAt = index.expiresAt(s);
            if (expiresAt != 0 && expiresAt <= now) {
                removePagedLocked(l, s, DeadLetterReason.EXPIRED);
                continue;
            }
            QueueEntry e = new QueueEntry(pager.read(l, s), pager.storeId(l, s), expiresAt, index.deliveryCount(s));
            e.seq = pager.seq(l, s);
            pager.remove(l, s);
            e.level = l;
            e.state = QueueEntry.AVAILABLE;
            long bytes = e.footprint();
            heldBytes += bytes;
            host.memory().add(bytes);
            list.append(e);
            if (expiresAt != 0) {
                expiring.add(e);
                expiryAdded = true;
            }
        }
        if (expiryAdded) {
            scheduleExpiryLocked();
        }
        pager.readAheadLocked(l, this);
    }

    /**
     * For a filtered consumer (or get): the first paged message of level {@code l} that {@code filter}
     * selects, read where it lies and taken from its slot, which keeps its place until the delivery is settled.
     */
    private QueueEntry scanPagedLocked(QueueConsumer c, Selector filter, int l, long now) {
        PagedIndex index = pager.index(l);
        long s = index.start();
        if (c != null) {
            if (c.pagedCursors == null) {
                c.pagedCursors = new long[levels.length];
            }
            s = Math.max(s, c.pagedCursors[l]);
        }
        java.util.Map<Long, Message> batch = java.util.Map.of();
        for (; s < index.end(); s++) {
            if (index.state(s) != PagedIndex.AVAILABLE) {
                continue;
            }
            long expiresAt = index.expiresAt(s);
            if (expiresAt != 0 && expiresAt <= now) {
                removePagedLocked(l, s, DeadLetterReason.EXPIRED);
                continue;
            }
            Message m = batch.get(s);
            if (m == null) {
                batch = pager.readFrom(l, s, SCAN_BATCH);
                m = batch.containsKey(s) ? batch.get(s) : pager.peek(l, s);
            }
            if (c != null && c.noLocalConnection() != null && c.noLocalConnection().equals(m.origin())) {
                removePagedLocked(l, s, null);
                continue;
            }
            int deliveryCount = index.deliveryCount(s);
            if (!filter.matches(new MessageEvaluationContext(m, deliveryCount + 1))) {
                continue;
            }
            if (c != null) {
                c.pagedCursors[l] = s;
            }
            return takePagedLocked(l, s, m);
        }
        if (c != null) {
            c.pagedCursors[l] = index.end();
        }
        return null;
    }

    /** An entry for a paged slot a consumer takes; available until the caller delivers or acquires it. */
    private QueueEntry takePagedLocked(int l, long s, Message m) {
        PagedIndex index = pager.index(l);
        QueueEntry e = new QueueEntry(m, pager.storeId(l, s), index.expiresAt(s), index.deliveryCount(s));
        e.state = QueueEntry.AVAILABLE;
        pager.take(l, s, e);
        long bytes = e.footprint();
        heldBytes += bytes;
        host.memory().add(bytes);
        return e;
    }

    /**
     * Removes an available paged message: dead-letters it for {@code reason} (read back when there is a
     * dead-letter exchange), or, with a null reason, drops it for a no-local consumer.
     */
    private void removePagedLocked(int l, long s, DeadLetterReason reason) {
        PagedIndex index = pager.index(l);
        available--;
        availableBytes -= index.size(s);
        long storeId = pager.storeId(l, s);
        boolean dlx = reason != null && arguments.deadLetterExchange() != null;
        Message m = dlx ? pager.read(l, s) : null;
        pager.remove(l, s);
        if (!dlx && storeId != 0) {
            host.store().writeLazily(StoreBatch.of(
                    new StoreOperation.MessageDequeued(host.virtualHostName(), name, storeId)));
        }
        if (dlx) {
            counters.deadLettered++;
            addDeadLetter(new DeadLetter(m, storeId, reason));
        } else if (reason != null) {
            counters.discarded++;
        }
    }

    private long cursor(QueueConsumer c, int level) {
        if (c.cursors == null) {
            c.cursors = new long[levels.length];
            for (int l = 0; l < levels.length; l++) {
                c.cursors[l] = levels[l].start();
            }
        }
        return c.cursors[level];
    }

    private void deliverLocked(QueueEntry e, QueueConsumer c) {
        takeAvailable(e);
        e.deliveryCount++;
        counters.delivered(e);
        if (c.autoAck()) {
            removeLocked(e, true);
        } else {
            e.state = QueueEntry.ACQUIRED;
            e.holder = c;
            e.holdsCredit = true;
            c.creditTaken(e);
            acquired++;
        }
        c.target().deliver(this, e, c);
    }

    private void takeAvailable(QueueEntry e) {
        available--;
        availableBytes -= e.message.bodySize();
    }

    // ---- consumers -------------------------------------------------------------------------------------

    /** Registers a consumer and starts pushing messages to it. */
    public void addConsumer(QueueConsumer consumer, String connectionId) {
        lock();
        try {
            checkUsable(connectionId);
            if (consumer.exclusive() && !consumers.isEmpty()) {
                throw new BrokerException(ErrorCode.ACCESS_REFUSED, "cannot obtain exclusive access to queue '"
                        + name + "': it has " + consumers.size() + " consumer(s)");
            }
            for (QueueConsumer c : consumers) {
                if (c.exclusive()) {
                    throw new BrokerException(ErrorCode.ACCESS_REFUSED, "queue '" + name
                            + "' has an exclusive consumer");
                }
            }
            consumers.add(consumer);
            hadConsumer = true;
            cancelUnusedTimer();
            dispatchLocked();
        } finally {
            unlock();
        }
    }

    /**
     * Removes a consumer; its unacknowledged entries stay with the channel that will settle them. An
     * auto-delete queue losing its last consumer asks its host to delete it.
     */
    public void removeConsumer(QueueConsumer consumer) {
        lock();
        try {
            if (!consumers.remove(consumer)) {
                return;
            }
            lastUsed = host.now();
            if (consumers.isEmpty()) {
                if (autoDelete && hadConsumer) {
                    DeferredActions.current().defer(() -> host.queueUnused(this));
                } else {
                    scheduleUnusedLocked();
                }
            }
        } finally {
            unlock();
        }
    }

    /** Fails unless the connection may use this queue (exclusive queues belong to one connection). */
    public void checkUsable(String connectionId) {
        if (deleted) {
            throw BrokerException.notFound("queue '" + name + "'");
        }
        if (owner != null && !owner.equals(connectionId)) {
            throw new BrokerException(ErrorCode.RESOURCE_LOCKED, "cannot access exclusive queue '" + name
                    + "': it belongs to another connection");
        }
    }

    /** Marks the queue as used now (declare, get), postponing {@code x-expires}. */
    public void touch() {
        lock();
        try {
            lastUsed = host.now();
            if (consumers.isEmpty()) {
                scheduleUnusedLocked();
            }
        } finally {
            unlock();
        }
    }

    // ---- get, acknowledge, requeue, reject --------------------------------------------------------------

    /**
     * Takes the first available message that {@code filter} selects (all when null). When not
     * {@code autoAck}, the entry is acquired and must be acknowledged, requeued or rejected.
     *
     * @return the entry, or null when none is available
     */
    public QueueEntry get(Selector filter, boolean autoAck, String connectionId) {
        lock();
        try {
            checkUsable(connectionId);
            lastUsed = host.now();
            if (consumers.isEmpty()) {
                scheduleUnusedLocked();
            }
            QueueEntry e = nextFor(null, filter, host.now());
            if (e == null) {
                return null;
            }
            takeAvailable(e);
            e.deliveryCount++;
            counters.delivered(e);
            if (autoAck) {
                removeLocked(e, true);
            } else {
                e.state = QueueEntry.ACQUIRED;
                acquired++;
            }
            return e;
        } finally {
            unlock();
        }
    }

    /**
     * Takes the stored entries with these store ids out of circulation for an XA branch that recovery found in
     * doubt: they count as delivered once before the restart and nobody receives them until the branch commits
     * (acknowledges them) or rolls back (requeues them). Called during recovery, before any consumer exists.
     */
    public List<QueueEntry> acquireStored(java.util.Set<Long> storeIds) {
        lock();
        try {
            List<QueueEntry> found = new ArrayList<>(storeIds.size());
            for (EntryList list : levels) {
                for (long i = list.firstAvailable, end = list.end(); i < end && found.size() < storeIds.size(); i++) {
                    QueueEntry e = list.get(i);
                    if (e != null && e.state == QueueEntry.AVAILABLE && storeIds.contains(e.storeId)) {
                        acquireStoredLocked(e, found);
                    }
                }
            }
            for (int l = 0; l < levels.length && found.size() < storeIds.size(); l++) {
                if (!pager.hasPaged(l)) {
                    continue;
                }
                PagedIndex index = pager.index(l);
                for (long s = index.start(), end = index.end(); s < end && found.size() < storeIds.size(); s++) {
                    if (index.state(s) == PagedIndex.AVAILABLE && storeIds.contains(pager.storeId(l, s))) {
                        acquireStoredLocked(takePagedLocked(l, s, pager.read(l, s)), found);
                    }
                }
            }
            return found;
        } finally {
            unlock();
        }
    }

    private void acquireStoredLocked(QueueEntry e, List<QueueEntry> found) {
        takeAvailable(e);
        e.deliveryCount++;
        e.state = QueueEntry.ACQUIRED;
        acquired++;
        found.add(e);
    }

    /** Removes acknowledged entries and frees their consumers' credit. */
    public void acknowledge(Collection<QueueEntry> entries) {
        lock();
        try {
            if (deleted) {
                return;
            }
            StoreBatch batch = null;
            for (QueueEntry e : entries) {
                if (e.state != QueueEntry.ACQUIRED) {
                    continue;
                }
                release(e);
                removeLocked(e, false);
                counters.acknowledged++;
                if (e.isPersisted()) {
                    if (batch == null) {
                        batch = new StoreBatch();
                    }
                    batch.add(new StoreOperation.MessageDequeued(host.virtualHostName(), name, e.storeId));
                }
            }
            if (batch != null) {
                host.store().writeLazily(batch);
            }
            dispatchLocked();
        } finally {
            unlock();
        }
    }

    /**
     * Adds the dequeue records of acquired entries to {@code batch} and removes them, for a transaction
     * commit that writes one batch. Caller holds the lock.
     */
    public void acknowledgeLocked(Collection<QueueEntry> entries, StoreBatch batch) {
        if (deleted) {
            return;
        }
        for (QueueEntry e : entries) {
            if (e.state != QueueEntry.ACQUIRED) {
                continue;
            }
            release(e);
            removeLocked(e, false);
            counters.acknowledged++;
            if (e.isPersisted()) {
                batch.add(new StoreOperation.MessageDequeued(host.virtualHostName(), name, e.storeId));
            }
        }
    }

    /** Pushes available messages to consumers that may take them again (their channel's gate reopened). */
    public void dispatch() {
        lock();
        try {
            if (!deleted) {
                dispatchLocked();
            }
        } finally {
            unlock();
        }
    }

    /** Content a consumer's page-in waited for is in (see {@link QueuePager#awaitHead}). Caller holds the lock. */
    void readAheadArrivedLocked() {
        dispatchLocked();
    }

    /** After a commit applied under the lock: pushes messages to consumers whose credit was freed. */
    public void dispatchAfterCommitLocked() {
        dispatchLocked();
    }

    /**
     * Returns acquired entries to the queue at their original positions.
     *
     * @param delivered whether the application saw the messages; when false (prefetched but never handed
     *                  out) the delivery does not count
     */
    public void requeue(Collection<QueueEntry> entries, boolean delivered) {
        if (delivered) {
            requeue(entries, List.of());
        } else {
            requeue(List.of(), entries);
        }
    }

    /**
     * Returns acquired entries to their original positions in one step, so that consumers see them again in
     * queue order: {@code delivered} ones count as a delivery (redelivered), {@code undelivered} ones (held
     * by a client but never given to its application) do not.
     */
    public void requeue(Collection<QueueEntry> delivered, Collection<QueueEntry> undelivered) {
        lock();
        try {
            if (deleted) {
                return;
            }
            StoreBatch batch = new StoreBatch();
            long now = host.now();
            for (QueueEntry e : undelivered) {
                if (e.state == QueueEntry.ACQUIRED) {
                    e.deliveryCount--;
                    requeueLocked(e, false, now, batch);
                }
            }
            for (QueueEntry e : delivered) {
                if (e.state == QueueEntry.ACQUIRED) {
                    requeueLocked(e, true, now, batch);
                }
            }
            if (!batch.isEmpty()) {
                host.store().write(batch);
            }
            dispatchLocked();
        } finally {
            unlock();
        }
    }

    private void requeueLocked(QueueEntry e, boolean delivered, long now, StoreBatch batch) {
        release(e);
        if (e.isExpired(now)) {
            expireLocked(e);
        } else if (arguments.deliveryLimit() >= 0 && e.deliveryCount > arguments.deliveryLimit()) {
            deadLetterLocked(e, DeadLetterReason.DELIVERY_LIMIT);
        } else if (e.paged) {
            // Back into its slot; the entry itself is done with.
            pager.giveBack(e);
            e.state = QueueEntry.REMOVED;
            forgetHeapEntry(e);
            available++;
            availableBytes += e.message.bodySize();
            for (QueueConsumer c : consumers) {
                if (c.pagedCursors != null && c.pagedCursors[e.level] > e.index) {
                    c.pagedCursors[e.level] = e.index;
                }
            }
            if (delivered && e.isPersisted()) {
                batch.add(new StoreOperation.DeliveryCountUpdated(host.virtualHostName(), name, e.storeId,
                        e.deliveryCount));
            }
        } else {
            e.state = QueueEntry.AVAILABLE;
            available++;
            availableBytes += e.message.bodySize();
            EntryList list = levels[e.level];
            if (e.index < list.firstAvailable) {
                list.firstAvailable = e.index;
            }
            for (QueueConsumer c : consumers) {
                if (c.cursors != null && c.cursors[e.level] > e.index) {
                    c.cursors[e.level] = e.index;
                }
            }
            if (delivered && e.isPersisted()) {
                batch.add(new StoreOperation.DeliveryCountUpdated(host.virtualHostName(), name, e.storeId,
                        e.deliveryCount));
            }
        }
    }

    /** Removes rejected entries, dead-lettering them when the queue has a dead-letter exchange. */
    public void reject(Collection<QueueEntry> entries) {
        lock();
        try {
            if (deleted) {
                return;
            }
            for (QueueEntry e : entries) {
                if (e.state != QueueEntry.ACQUIRED) {
                    continue;
                }
                release(e);
                deadLetterLocked(e, DeadLetterReason.REJECTED);
            }
            dispatchLocked();
        } finally {
            unlock();
        }
    }

    private void release(QueueEntry e) {
        if (e.holder != null) {
            if (e.holdsCredit) {
                e.holder.creditReturned(e);
                e.holdsCredit = false;
            }
            e.holder = null;
        }
        acquired--;
    }

    /**
     * The client handed these deliveries to its application: they stay unsettled (client acknowledgement,
     * transactions) but no longer count against the consumer's prefetch, so more messages can flow.
     */
    public void returnCredit(Collection<QueueEntry> entries) {
        lock();
        try {
            if (deleted) {
                return;
            }
            for (QueueEntry e : entries) {
                if (e.state == QueueEntry.ACQUIRED && e.holdsCredit) {
                    e.holdsCredit = false;
                    e.holder.creditReturned(e);
                }
            }
            dispatchLocked();
        } finally {
            unlock();
        }
    }

    // ---- removal, expiry, dead-lettering ----------------------------------------------------------------

    /** Removes an entry from every structure; when {@code writeDequeue}, records it in the store. */
    private void removeLocked(QueueEntry e, boolean writeDequeue) {
        int old = e.state;
        if (old == QueueEntry.REMOVED) {
            return;
        }
        e.state = QueueEntry.REMOVED;
        long bytes = e.footprint();
        heldBytes -= bytes;
        host.memory().release(bytes);
        if (old == QueueEntry.DELAYED) {
            delayed.remove(e);
        } else if (e.paged) {
            pager.remove(e.level, e.index);
            e.paged = false;
        } else {
            levels[e.level].remove(e);
        }
        expiring.remove(e);
        if (writeDequeue && e.isPersisted()) {
            host.store().writeLazily(StoreBatch.of(
                    new StoreOperation.MessageDequeued(host.virtualHostName(), name, e.storeId)));
        }
    }

    private void expireLocked(QueueEntry e) {
        if (e.state == QueueEntry.AVAILABLE) {
            takeAvailable(e);
        }
        deadLetterLocked(e, DeadLetterReason.EXPIRED);
    }

    /** Drops a message that a no-local consumer must not see. */
    private void discardLocked(QueueEntry e) {
        takeAvailable(e);
        removeLocked(e, true);
    }

    /** Removes an entry (already taken out of the available count) and dead-letters or drops it. */
    private void deadLetterLocked(QueueEntry e, DeadLetterReason reason) {
        if (e.state == QueueEntry.AVAILABLE && reason != DeadLetterReason.EXPIRED) {
            takeAvailable(e);
        }
        boolean dlx = arguments.deadLetterExchange() != null;
        removeLocked(e, !dlx);
        if (dlx) {
            counters.deadLettered++;
        } else {
            counters.discarded++;
        }
        if (dlx) {
            addDeadLetter(new DeadLetter(e.message, e.storeId, reason));
        }
    }

    private void addDeadLetter(DeadLetter letter) {
        if (pendingDeadLetters == null) {
            pendingDeadLetters = new ArrayList<>(2);
        }
        pendingDeadLetters.add(letter);
    }

    private void scheduleExpiryLocked() {
        QueueEntry first = expiring.peek();
        if (first == null || deleted) {
            return;
        }
        long at = first.expiresAt + 1;
        if (expiryTimer != null && expiryTimerAt <= at) {
            return;
        }
        if (expiryTimer != null) {
            expiryTimer.cancel(false);
        }
        expiryTimerAt = at;
        expiryTimer = host.scheduler().schedule(this::onExpiryTimer, Math.max(0, at - host.now()),
                TimeUnit.MILLISECONDS);
    }

    private void onExpiryTimer() {
        lock();
        try {
            expiryTimer = null;
            if (deleted) {
                return;
            }
            long now = host.now();
            QueueEntry e;
            while ((e = expiring.peek()) != null && e.isExpired(now)) {
                expiring.poll();
                if (e.state == QueueEntry.AVAILABLE) {
                    expireLocked(e);
                } else if (e.state == QueueEntry.DELAYED) {
                    delayed.remove(e);
                    deadLetterLocked(e, DeadLetterReason.EXPIRED);
                }
                // Acquired entries are checked when they come back.
            }
            scheduleExpiryLocked();
        } finally {
            unlock();
        }
    }

    private void scheduleDelayLocked() {
        QueueEntry first = delayed.peek();
        if (first == null || deleted) {
            return;
        }
        long at = first.message.deliveryTime();
        if (delayTimer != null && delayTimerAt <= at) {
            return;
        }
        if (delayTimer != null) {
            delayTimer.cancel(false);
        }
        delayTimerAt = at;
        delayTimer = host.scheduler().schedule(this::onDelayTimer, Math.max(0, at - host.now()),
                TimeUnit.MILLISECONDS);
    }

    private void onDelayTimer() {
        lock();
        try {
            delayTimer = null;
            if (deleted) {
                return;
            }
            long now = host.now();
            QueueEntry e;
            boolean stuck = false;
            while ((e = delayed.peek()) != null && e.message.deliveryTime() <= now) {
                if (!makeAvailableLocked(e)) {
                    stuck = true;
                    break;
                }
                delayed.poll();
            }
            dropOverflowLocked();
            if (stuck) {
                // The page store failed: try again later rather than at once, in a loop, while the disk is full.
                delayTimerAt = now + DELAY_RETRY_MILLIS;
                delayTimer = host.scheduler().schedule(this::onDelayTimer, DELAY_RETRY_MILLIS, TimeUnit.MILLISECONDS);
            } else {
                scheduleDelayLocked();
            }
            dispatchLocked();
        } finally {
            unlock();
        }
    }

    private void scheduleUnusedLocked() {
        long expires = arguments.expires();
        if (expires < 0 || deleted) {
            return;
        }
        cancelUnusedTimer();
        long delay = Math.max(0, lastUsed + expires - host.now());
        unusedTimer = host.scheduler().schedule(this::onUnusedTimer, delay, TimeUnit.MILLISECONDS);
    }

    private void cancelUnusedTimer() {
        if (unusedTimer != null) {
            unusedTimer.cancel(false);
            unusedTimer = null;
        }
    }

    private void onUnusedTimer() {
        lock();
        try {
            unusedTimer = null;
            if (deleted || !consumers.isEmpty()) {
                return;
            }
            if (host.now() >= lastUsed + arguments.expires()) {
                DeferredActions.current().defer(() -> host.queueUnused(this));
            } else {
                scheduleUnusedLocked();
            }
        } finally {
            unlock();
        }
    }

    // ---- management ------------------------------------------------------------------------------------

    /** Removes every available and delayed message; returns how many. Delivered messages stay. */
    public int purge() {
        lock();
        try {
            return purgeLocked();
        } finally {
            unlock();
        }
    }

    private int purgeLocked() {
        int count = 0;
        StoreBatch batch = new StoreBatch();
        for (EntryList list : levels) {
            for (long i = list.start(), end = list.end(); i < end; i++) {
                QueueEntry e = list.get(i);
                if (e != null && e.state == QueueEntry.AVAILABLE) {
                    takeAvailable(e);
                    removeLocked(e, false);
                    if (e.isPersisted()) {
                        batch.add(new StoreOperation.MessageDequeued(host.virtualHostName(), name, e.storeId));
                    }
                    count++;
                }
            }
        }
        for (int l = 0; l < levels.length; l++) {
            if (!pager.hasPaged(l)) {
                continue;
            }
            PagedIndex index = pager.index(l);
            for (long s = index.start(); s < index.end(); s++) {
                if (index.state(s) == PagedIndex.AVAILABLE) {
                    available--;
                    availableBytes -= index.size(s);
                    long storeId = pager.storeId(l, s);
                    pager.remove(l, s);
                    if (storeId != 0) {
                        batch.add(new StoreOperation.MessageDequeued(host.virtualHostName(), name, storeId));
                    }
                    count++;
                }
            }
        }
        for (QueueEntry e : new ArrayList<>(delayed)) {
            removeLocked(e, false);
            if (e.isPersisted()) {
                batch.add(new StoreOperation.MessageDequeued(host.virtualHostName(), name, e.storeId));
            }
            count++;
        }
        if (!batch.isEmpty()) {
            host.store().write(batch);
        }
        return count;
    }

    /**
     * Marks the queue deleted and drops its content; the caller records the deletion in the store and
     * tells the returned consumers.
     *
     * @return the consumers that were attached
     */
    public List<QueueConsumer> markDeleted(boolean ifUnused, boolean ifEmpty) {
        lock();
        try {
            if (deleted) {
                throw BrokerException.notFound("queue '" + name + "'");
            }
            if (ifUnused && !consumers.isEmpty()) {
                throw BrokerException.preconditionFailed("queue '" + name + "' in use: it has "
                        + consumers.size() + " consumer(s)");
            }
            if (ifEmpty && readyCount() > 0) {
                throw BrokerException.preconditionFailed("queue '" + name + "' not empty: it holds "
                        + readyCount() + " message(s)");
            }
            deleted = true;
            List<QueueConsumer> attached = List.copyOf(consumers);
            consumers.clear();
            for (EntryList list : levels) {
                list.clear();
            }
            pager.clear();
            delayed.clear();
            expiring.clear();
            available = 0;
            availableBytes = 0;
            acquired = 0;
            host.memory().release(heldBytes);
            heldBytes = 0;
            for (ScheduledFuture<?> f : new ScheduledFuture<?>[] {expiryTimer, delayTimer, unusedTimer}) {
                if (f != null) {
                    f.cancel(false);
                }
            }
            return attached;
        } finally {
            unlock();
        }
    }

    /** Depth, consumers and running totals, read together under the queue's lock. */
    public QueueStatistics statistics() {
        lock();
        try {
            return new QueueStatistics(readyCount(), acquired, availableBytes, consumers.size(),
                    counters.published, counters.delivered, counters.redelivered, counters.acknowledged,
                    counters.deadLettered, counters.discarded, pager.live());
        } finally {
            unlock();
        }
    }

    /** Messages in the queue not yet delivered (including delayed ones). */
    public int readyCount() {
        return available + delayed.size();
    }

    /** Messages available, delivered-unacknowledged and delayed, as a snapshot. */
    public int messageCount() {
        lock();
        try {
            return readyCount();
        } finally {
            unlock();
        }
    }

    /** Messages delivered and not yet acknowledged. */
    public int unacknowledgedCount() {
        lock();
        try {
            return acquired;
        } finally {
            unlock();
        }
    }

    public int consumerCount() {
        lock();
        try {
            return consumers.size();
        } finally {
            unlock();
        }
    }

    /**
     * The messages in the queue in delivery order (priority, then arrival), delivered-unacknowledged ones
     * included and delayed ones not, that {@code filter} selects; nothing is removed. Reads the whole queue into
     * one list: for callers with their own limits; others browse in batches.
     */
    public List<Message> browse(Selector filter, String connectionId) {
        List<Message> out = new ArrayList<>();
        BrowsePosition at = BrowsePosition.START;
        while (!at.isDone()) {
            BrowseBatch batch = browse(filter, connectionId, at, BrowseScan.MAX_BATCH);
            out.addAll(batch.messages());
            at = batch.next();
        }
        return out;
    }

    /**
     * The next at most {@code max} messages after {@code after} in delivery order (priority levels high to low,
     * arrival order within a level, paged ones included), delivered-unacknowledged ones included and delayed and
     * expired ones not, that {@code filter} selects; nothing is removed. Looks at the queue under its lock
     * without reading the disk; paged content is read and the selector evaluated after the lock is released.
     * A chain of calls never returns a message twice and returns every matching message that stays in the queue
     * throughout; messages that arrive, leave or are requeued meanwhile may or may not be returned.
     */
    public BrowseBatch browse(Selector filter, String connectionId, BrowsePosition after, int max) {
        if (max <= 0) {
            throw BrokerException.invalidArgument("a browse batch must hold at least one message, was " + max);
        }
        BrowseScan scan;
        lock();
        try {
            checkUsable(connectionId);
            scan = BrowseScan.collectLocked(levels, pager, after, max, host.now());
        } finally {
            unlock();
        }
        return scan.finish(pager, filter);
    }

    /** Messages held in the paged part (not on the heap), delivered ones included; a snapshot. */
    public int pagedCount() {
        lock();
        try {
            return pager.live();
        } finally {
            unlock();
        }
    }

    @Override
    public String toString() {
        return "queue '" + name + "'";
    }
}
