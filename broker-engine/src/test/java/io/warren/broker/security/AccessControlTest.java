package io.warren.broker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessControlTest {

    private final UserStore store = new UserStore(new PasswordHasher(1_000));
    private final AccessControl access = new AccessControl(store);
    private User bob;

    @BeforeEach
    void addBobWithOnePrefixPerPermission() {
        bob = store.addUser("bob", "pw".toCharArray(), Set.of());
        store.setPermissions("bob", "/", "^cfg-", "^wr-", "^rd-");
    }

    @Test
    void eachPermissionKindAllowsOnlyNamesItsRegexFinds() {
        for (PermissionKind kind : PermissionKind.values()) {
            for (ResourceKind resource : ResourceKind.values()) {
                String allowed = prefix(kind) + "x";
                assertThatCode(() -> access.check(bob, "/", kind, resource, allowed)).doesNotThrowAnyException();
                for (PermissionKind other : PermissionKind.values()) {
                    if (other != kind) {
                        assertThatThrownBy(() -> access.check(bob, "/", kind, resource, prefix(other) + "x"))
                                .isInstanceOf(AccessRefusedException.class);
                    }
                }
            }
        }
    }

    @Test
    void aRefusalUsesRabbitMqsTextAndReplyCode() {
        assertThatThrownBy(() -> access.checkConsume(bob, "/", "q1"))
                .isInstanceOfSatisfying(AccessRefusedException.class, e -> {
                    assertThat(e.replyCode()).isEqualTo(403);
                    assertThat(e.replyText())
                            .isEqualTo("ACCESS_REFUSED - access to queue 'q1' in vhost '/' refused for user 'bob'");
                })
                .hasMessage("access to queue 'q1' in vhost '/' refused for user 'bob'");
        assertThatThrownBy(() -> access.checkPublish(bob, "/", "x1"))
                .hasMessage("access to exchange 'x1' in vhost '/' refused for user 'bob'");
    }

    @Test
    void matchingIsUnanchoredLikeRabbitMqsReRun() {
        store.setPermissions("bob", "/", "orders", "orders", "orders");

        assertThatCode(() -> access.checkQueueDeclare(bob, "/", "eu.orders.new")).doesNotThrowAnyException();
        assertThatThrownBy(() -> access.checkQueueDeclare(bob, "/", "eu.invoices"))
                .isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void anEmptyRegexDeniesEverythingButStillOpensTheVhost() {
        store.setPermissions("bob", "/", "", "", "");

        assertThatCode(() -> access.checkVhostAccess(bob, "/")).doesNotThrowAnyException();
        for (PermissionKind kind : PermissionKind.values()) {
            for (ResourceKind resource : ResourceKind.values()) {
                for (String name : new String[] {"", "q", "amq.default", ".*"}) {
                    assertThatThrownBy(() -> access.check(bob, "/", kind, resource, name))
                            .isInstanceOf(AccessRefusedException.class);
                }
            }
        }
    }

    @Test
    void dotStarAllowsEveryName() {
        store.setPermissions("bob", "/", ".*", ".*", ".*");

        assertThatCode(() -> {
            access.checkQueueDeclare(bob, "/", "anything");
            access.checkPublish(bob, "/", "");
            access.checkConsume(bob, "/", "amq.gen-123");
        }).doesNotThrowAnyException();
    }

    @Test
    void theDefaultExchangeIsMatchedAndReportedAsAmqDefault() {
        store.setPermissions("bob", "/", "", "^amq\\.default$", "");

        assertThatCode(() -> access.checkPublish(bob, "/", "")).doesNotThrowAnyException();
        assertThatThrownBy(() -> access.checkQueueBind(bob, "/", "q", ""))
                .hasMessage("access to queue 'q' in vhost '/' refused for user 'bob'");
        store.setPermissions("bob", "/", "", "", "");
        assertThatThrownBy(() -> access.checkPublish(bob, "/", ""))
                .hasMessage("access to exchange 'amq.default' in vhost '/' refused for user 'bob'");
    }

    @Test
    void aVhostWithoutPermissionsEntryCannotBeOpened() {
        assertThatThrownBy(() -> access.checkVhostAccess(bob, "x"))
                .isInstanceOfSatisfying(AccessRefusedException.class,
                        e -> assertThat(e.replyCode()).isEqualTo(530))
                .hasMessage("access to vhost 'x' refused for user 'bob'");
        assertThatCode(() -> access.checkVhostAccess(bob, "/")).doesNotThrowAnyException();
    }

    @Test
    void permissionsInOneVhostGrantNothingInAnother() {
        assertThatThrownBy(() -> access.checkQueueDeclare(bob, "other", "cfg-q"))
                .hasMessage("access to queue 'cfg-q' in vhost 'other' refused for user 'bob'");
    }

    @Test
    void changesApplyToTheNextCheck() {
        access.checkConsume(bob, "/", "rd-q");

        store.clearPermissions("bob", "/");

        assertThatThrownBy(() -> access.checkConsume(bob, "/", "rd-q")).isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> access.checkVhostAccess(bob, "/")).isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void aDeletedUserIsRefusedEverything() {
        store.deleteUser("bob");

        assertThatThrownBy(() -> access.checkConsume(bob, "/", "rd-q")).isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void declaringAndDeletingNeedConfigure() {
        assertAllowed(() -> access.checkExchangeDeclare(bob, "/", "cfg-x"));
        assertRefused(() -> access.checkExchangeDeclare(bob, "/", "wr-x"), "exchange 'wr-x'");
        assertAllowed(() -> access.checkExchangeDelete(bob, "/", "cfg-x"));
        assertRefused(() -> access.checkExchangeDelete(bob, "/", "rd-x"), "exchange 'rd-x'");
        assertAllowed(() -> access.checkQueueDeclare(bob, "/", "cfg-q"));
        assertRefused(() -> access.checkQueueDeclare(bob, "/", "rd-q"), "queue 'rd-q'");
        assertAllowed(() -> access.checkQueueDelete(bob, "/", "cfg-q"));
        assertRefused(() -> access.checkQueueDelete(bob, "/", "wr-q"), "queue 'wr-q'");
    }

    @Test
    void purgeGetAndConsumeNeedReadOnTheQueue() {
        assertAllowed(() -> access.checkQueuePurge(bob, "/", "rd-q"));
        assertRefused(() -> access.checkQueuePurge(bob, "/", "cfg-q"), "queue 'cfg-q'");
        assertAllowed(() -> access.checkGet(bob, "/", "rd-q"));
        assertRefused(() -> access.checkGet(bob, "/", "wr-q"), "queue 'wr-q'");
        assertAllowed(() -> access.checkConsume(bob, "/", "rd-q"));
        assertRefused(() -> access.checkConsume(bob, "/", "cfg-q"), "queue 'cfg-q'");
    }

    @Test
    void publishNeedsWriteOnTheExchange() {
        assertAllowed(() -> access.checkPublish(bob, "/", "wr-x"));
        assertRefused(() -> access.checkPublish(bob, "/", "rd-x"), "exchange 'rd-x'");
    }

    @Test
    void queueBindAndUnbindNeedWriteOnTheQueueAndReadOnTheExchange() {
        assertAllowed(() -> access.checkQueueBind(bob, "/", "wr-q", "rd-x"));
        assertRefused(() -> access.checkQueueBind(bob, "/", "rd-q", "rd-x"), "queue 'rd-q'");
        assertRefused(() -> access.checkQueueBind(bob, "/", "wr-q", "wr-x"), "exchange 'wr-x'");
        assertAllowed(() -> access.checkQueueUnbind(bob, "/", "wr-q", "rd-x"));
        assertRefused(() -> access.checkQueueUnbind(bob, "/", "wr-q", "cfg-x"), "exchange 'cfg-x'");
    }

    @Test
    void exchangeBindAndUnbindNeedWriteOnTheDestinationAndReadOnTheSource() {
        assertAllowed(() -> access.checkExchangeBind(bob, "/", "wr-dest", "rd-src"));
        assertRefused(() -> access.checkExchangeBind(bob, "/", "rd-dest", "rd-src"), "exchange 'rd-dest'");
        assertRefused(() -> access.checkExchangeBind(bob, "/", "wr-dest", "wr-src"), "exchange 'wr-src'");
        assertAllowed(() -> access.checkExchangeUnbind(bob, "/", "wr-dest", "rd-src"));
        assertRefused(() -> access.checkExchangeUnbind(bob, "/", "cfg-dest", "rd-src"), "exchange 'cfg-dest'");
    }

    @Test
    void anAlternateExchangeNeedsWriteAndTheDeclaredExchangeAlsoRead() {
        store.setPermissions("bob", "/", "^main$", "^ae$", "^main$");

        assertAllowed(() -> access.checkExchangeDeclareWithAlternate(bob, "/", "main", "ae"));
        assertRefused(() -> access.checkExchangeDeclareWithAlternate(bob, "/", "main", "other"), "exchange 'other'");
        store.setPermissions("bob", "/", "^main$", "^ae$", "");
        assertRefused(() -> access.checkExchangeDeclareWithAlternate(bob, "/", "main", "ae"), "exchange 'main'");
    }

    @Test
    void declaringWithArgumentsChecksTheAlternateOrDeadLetterExchangeTheyName() {
        store.setPermissions("bob", "/", "^(main|q)$", "", "");

        assertAllowed(() -> access.checkExchangeDeclare(bob, "/", "main", Map.of("x-other", "ae")));
        assertAllowed(() -> access.checkQueueDeclare(bob, "/", "q", null));
        assertRefused(() -> access.checkExchangeDeclare(bob, "/", "main", Map.of("alternate-exchange", "ae")),
                "exchange 'ae'");
        assertRefused(() -> access.checkQueueDeclare(bob, "/", "q", Map.of("x-dead-letter-exchange", "dlx")),
                "exchange 'dlx'");
    }

    @Test
    void aDeadLetterExchangeNeedsWriteAndTheDeclaredQueueAlsoRead() {
        store.setPermissions("bob", "/", "^q$", "^dlx$", "^q$");

        assertAllowed(() -> access.checkQueueDeclareWithDeadLetterExchange(bob, "/", "q", "dlx"));
        assertRefused(() -> access.checkQueueDeclareWithDeadLetterExchange(bob, "/", "q", ""), "exchange 'amq.default'");
        store.setPermissions("bob", "/", "^q$", "^dlx$", "");
        assertRefused(() -> access.checkQueueDeclareWithDeadLetterExchange(bob, "/", "q", "dlx"), "queue 'q'");
    }

    @Test
    void permittedChecksAllocateNothingOnceANameHasBeenSeen() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeThat(bean).isInstanceOf(com.sun.management.ThreadMXBean.class);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);
        store.setPermissions("bob", "/", ".*", "^wr-", ".*");
        long thread = Thread.currentThread().getId();
        publishAndConsume(10_000);

        long before = threads.getThreadAllocatedBytes(thread);
        publishAndConsume(100_000);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        // 200,000 checks; a single 16-byte object per check would be 3.2 MB.
        assertThat(allocated).isLessThan(64 * 1024);
    }

    private void publishAndConsume(int times) {
        for (int i = 0; i < times; i++) {
            access.checkPublish(bob, "/", "wr-orders");
            access.checkConsume(bob, "/", "orders");
        }
    }

    private static String prefix(PermissionKind kind) {
        return switch (kind) {
            case CONFIGURE -> "cfg-";
            case WRITE -> "wr-";
            case READ -> "rd-";
        };
    }

    private static void assertAllowed(ThrowingCallable check) {
        assertThatCode(check).doesNotThrowAnyException();
    }

    private static void assertRefused(ThrowingCallable check, String resource) {
        assertThatThrownBy(check).isInstanceOf(AccessRefusedException.class)
                .hasMessage("access to " + resource + " in vhost '/' refused for user 'bob'");
    }
}
