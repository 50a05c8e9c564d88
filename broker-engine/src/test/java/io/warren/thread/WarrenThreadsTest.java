package io.warren.thread;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WarrenThreadsTest {
    private static final InheritableThreadLocal<String> INHERITED = new InheritableThreadLocal<>();

    @Test
    void aThreadCreatedOnAnApplicationThreadTakesNothingOfIt() throws Exception {
        AtomicReference<Thread> made = new AtomicReference<>();
        AtomicReference<String> seen = new AtomicReference<>("not run");
        try (URLClassLoader application = new URLClassLoader(new URL[0], null)) {
            Thread caller = new Thread(() -> {
                INHERITED.set("application state");
                made.set(WarrenThreads.named("warren-test").newThread(() -> seen.set(INHERITED.get())));
            });
            caller.setContextClassLoader(application);
            caller.start();
            caller.join();

            Thread t = made.get();
            assertThat(t.getContextClassLoader()).isSameAs(WarrenThreads.class.getClassLoader());
            assertThat(t.isDaemon()).isTrue();
            assertThat(t.getName()).isEqualTo("warren-test");
            t.start();
            t.join();
            assertThat(seen.get()).isNull();
        }
    }

    @Test
    void numberedThreadsCountFromOne() {
        WarrenThreads factory = WarrenThreads.numbered("warren-pool");
        assertThat(factory.newThread(() -> { }).getName()).isEqualTo("warren-pool-1");
        assertThat(factory.newThread(() -> { }).getName()).isEqualTo("warren-pool-2");
    }
}
