package io.warren.thread;

import java.security.AccessController;
import java.security.PrivilegedAction;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes every thread Warren starts — the broker's timer, the journal writer, the JMX reconciler, a session's
 * listener thread, the AMQP client's and server's threads — so that it holds nothing of the code that happened to
 * cause its creation. A thread is often created lazily, on the thread of an application call (a web application's
 * request thread in a servlet container), and a plain {@code new Thread} would keep that application's class loader
 * alive for as long as the thread runs, which is how containers such as Tomcat report a leak on undeploy. So each
 * thread made here:
 * <ul>
 *   <li>has Warren's own class loader as context class loader, not the creating thread's;</li>
 *   <li>does not inherit the creating thread's {@link InheritableThreadLocal} values;</li>
 *   <li>is created in a privileged block, so on Java versions that still capture an access control context the
 *       thread's holds only Warren's frames, not the application's;</li>
 *   <li>is a daemon thread: it never keeps the JVM alive.</li>
 * </ul>
 * Thread-safe.
 */
public final class WarrenThreads implements ThreadFactory {
    private static final ClassLoader WARREN_LOADER = WarrenThreads.class.getClassLoader();

    private final String name;
    private final boolean numbered;
    private final AtomicInteger count = new AtomicInteger();

    private WarrenThreads(String name, boolean numbered) {
        this.name = name;
        this.numbered = numbered;
    }

    /** A factory whose threads are all called {@code name} (an executor of one thread, say). */
    public static WarrenThreads named(String name) {
        return new WarrenThreads(name, false);
    }

    /** A factory whose threads are called {@code prefix-1}, {@code prefix-2}, ... */
    public static WarrenThreads numbered(String prefix) {
        return new WarrenThreads(prefix, true);
    }

    @Override
    public Thread newThread(Runnable task) {
        return newThread(task, numbered ? name + "-" + count.incrementAndGet() : name);
    }

    /** A new, unstarted daemon thread running {@code task}, called {@code threadName}, made as described above. */
    public static Thread newThread(Runnable task, String threadName) {
        Thread t = privileged(() -> new Thread(null, task, threadName, 0, false));
        prepare(t);
        return t;
    }

    /**
     * Gives a thread made by another library's factory (Netty's, say) Warren's context class loader and makes it a
     * daemon. Use {@link #privileged} around its creation for the access control context; inherited thread locals
     * are the other factory's business.
     */
    public static void prepare(Thread t) {
        t.setContextClassLoader(WARREN_LOADER);
        t.setDaemon(true);
    }

    /**
     * Runs {@code creation} in a privileged block, so that a thread it creates captures no application frames in
     * its access control context (Java 17 to 23; later versions capture none anyway).
     */
    @SuppressWarnings("removal")
    public static <T> T privileged(PrivilegedAction<T> creation) {
        return AccessController.doPrivileged(creation);
    }

    @Override
    public String toString() {
        return "WarrenThreads[" + name + (numbered ? "-N" : "") + "]";
    }
}
