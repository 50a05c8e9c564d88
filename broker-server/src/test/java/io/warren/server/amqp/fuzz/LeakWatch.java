package io.warren.server.amqp.fuzz;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Collects Netty's buffer leak reports directly from the detector every {@code ByteBuf} shares, at
 * {@link ResourceLeakDetector.Level#PARANOID}, so that a test can fail on them whatever logging binding is on
 * the class path. Netty reports a leak only when a later allocation finds the garbage-collected tracker, so
 * {@link #collect()} runs the collector and allocates until nothing more turns up.
 */
public final class LeakWatch implements AutoCloseable {
    /** Names the buffer leaked on purpose; log watches ignore lines containing {@code fuzz-canary}. */
    static final String CANARY = "fuzz-canary-leak";

    private final List<String> leaks = new CopyOnWriteArrayList<>();
    private final ResourceLeakDetector<?> detector;
    private final ResourceLeakDetector.Level previous;

    private LeakWatch(ResourceLeakDetector<?> detector) {
        this.detector = detector;
        this.previous = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        detector.setLeakListener((type, records) -> leaks.add(type + ": " + records));
    }

    /** Sets PARANOID detection and starts listening; call before the server allocates anything. */
    public static LeakWatch start() {
        try {
            Field f = Class.forName("io.netty.buffer.AbstractByteBuf").getDeclaredField("leakDetector");
            f.setAccessible(true);
            return new LeakWatch((ResourceLeakDetector<?>) f.get(null));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach Netty's ByteBuf leak detector", e);
        }
    }

    /**
     * Leaks one small pooled buffer on purpose and checks that {@link #collect()} reports it, so that a change in
     * Netty's detector makes the test fail loudly instead of watching nothing; the canary is not reported later.
     */
    public void verifyDetecting() {
        leakCanary();
        collect();
        if (leaks.stream().noneMatch(l -> l.contains(CANARY))) {
            throw new AssertionError("Netty's leak detector did not report a buffer leaked on purpose; adapt "
                    + "LeakWatch");
        }
    }

    private static void leakCanary() {
        PooledByteBufAllocator.DEFAULT.heapBuffer(8).touch(CANARY);
    }

    /** Garbage-collects and allocates a few times so pending reports come out; returns all leaks seen. */
    public List<String> collect() {
        for (int round = 0; round < 10; round++) {
            System.gc();
            System.runFinalization();
            for (ByteBufAllocator a : new ByteBufAllocator[] {PooledByteBufAllocator.DEFAULT,
                UnpooledByteBufAllocator.DEFAULT}) {
                for (int i = 0; i < 100; i++) {
                    ByteBuf b = i % 2 == 0 ? a.directBuffer(64) : a.heapBuffer(64);
                    b.release();
                }
            }
        }
        return leaks.stream().filter(l -> !l.contains(CANARY)).toList();
    }

    @Override
    public void close() {
        detector.setLeakListener(null);
        ResourceLeakDetector.setLevel(previous);
    }
}
