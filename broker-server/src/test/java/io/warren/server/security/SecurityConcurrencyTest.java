package io.warren.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.security.AccessControl;
import io.warren.broker.security.PasswordHasher;
import io.warren.broker.security.User;
import io.warren.broker.security.UserStore;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecurityConcurrencyTest {

    private static final int WRITERS = 8;
    private static final int VHOSTS_PER_WRITER = 200;
    private static final InetSocketAddress LOCAL = AuthenticatorTest.address(127, 0, 0, 1);

    private final UserStore store = UserStore.withDefaultGuest(new PasswordHasher(1_000));
    private final Authenticator authenticator = new Authenticator(store);
    private final AccessControl access = new AccessControl(store);
    private final ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 4);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void permissionsSetFromManyThreadsWhileUsersLogInAreAllKept() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                await(start);
                for (int v = 0; v < VHOSTS_PER_WRITER; v++) {
                    // A lost update (read-copy-write without atomicity) would drop some of these vhosts.
                    store.setPermissions("guest", "vhost-" + writer + "-" + v, "^q$", "^q$", "^q$");
                }
                return null;
            }));
        }
        List<Future<Integer>> readers = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            readers.add(pool.submit(loginAndCheckWhile(writing, start)));
        }

        start.countDown();
        try {
            for (Future<?> writer : writers) {
                writer.get(30, TimeUnit.SECONDS);
            }
        } finally {
            writing.set(false);
        }
        for (Future<Integer> reader : readers) {
            assertThat(reader.get(30, TimeUnit.SECONDS)).isPositive();
        }

        assertThat(store.permissions("guest")).hasSize(WRITERS * VHOSTS_PER_WRITER + 1);
        for (int w = 0; w < WRITERS; w++) {
            for (int v = 0; v < VHOSTS_PER_WRITER; v++) {
                access.checkConsume(store.user("guest").orElseThrow(), "vhost-" + w + "-" + v, "q");
            }
        }
    }

    @Test
    void aPasswordChangeWinsOverLoginsCachingTheOldPasswordConcurrently() throws Exception {
        store.addUser("bob", "old".toCharArray(), Set.of());
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean changing = new AtomicBoolean(true);
        List<Future<?>> logins = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            logins.add(pool.submit(() -> {
                await(start);
                while (changing.get() && !Thread.currentThread().isInterrupted()) {
                    try {
                        authenticator.authenticate("bob", "old".toCharArray(), LOCAL);
                    } catch (AuthenticationException expectedOnceChanged) {
                        // Refusals are expected after the change; only the final state is asserted.
                    }
                }
                return null;
            }));
        }

        start.countDown();
        try {
            for (int round = 0; round < 10; round++) {
                store.changePassword("bob", "new".toCharArray());
                assertRefused("bob", "old");
                store.changePassword("bob", "old".toCharArray());
            }
            store.changePassword("bob", "new".toCharArray());
            assertRefused("bob", "old");
        } finally {
            // Stops the login threads even when an assertion above fails.
            changing.set(false);
        }
        for (Future<?> login : logins) {
            login.get(30, TimeUnit.SECONDS);
        }

        assertRefused("bob", "old");
        assertThat(authenticator.authenticate("bob", "new".toCharArray(), LOCAL).name()).isEqualTo("bob");
    }

    private void assertRefused(String user, String password) {
        try {
            authenticator.authenticate(user, password.toCharArray(), LOCAL);
        } catch (AuthenticationException expected) {
            return;
        }
        throw new AssertionError("login of " + user + " with a replaced password succeeded");
    }

    private Callable<Integer> loginAndCheckWhile(AtomicBoolean running, CountDownLatch start) {
        return () -> {
            await(start);
            int rounds = 0;
            while ((running.get() || rounds == 0) && !Thread.currentThread().isInterrupted()) {
                User guest = authenticator.authenticate("guest", "guest".toCharArray(), LOCAL);
                access.checkVhostAccess(guest, "/");
                access.checkPublish(guest, "/", "");
                access.checkConsume(guest, "/", "q" + (rounds % 10));
                rounds++;
            }
            return rounds;
        };
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("start signal not given");
        }
    }
}
