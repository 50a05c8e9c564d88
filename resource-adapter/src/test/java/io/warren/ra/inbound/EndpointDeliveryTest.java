package io.warren.ra.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.warren.junit.WarrenExtension;
import io.warren.ra.testing.TestEndpointFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EndpointDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @RegisterExtension
    final WarrenExtension broker = WarrenExtension.builder().build();
    private InboundFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new InboundFixture(broker);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void nonTransactedDeliveryHandsEachMessageToAnEndpoint() throws Exception {
        TestEndpointFactory factory = new TestEndpointFactory(false, d -> { });
        fx.activate(factory, fx.queueSpec("in"));

        broker.send("in", "a");
        broker.send("in", "b");
        broker.send("in", "c");

        await().atMost(WAIT).untilAsserted(() -> assertThat(factory.attempts())
                .containsExactlyInAnyOrder("a|false|1", "b|false|1", "c|false|1"));
    }

    @Test
    void endpointsRefusedByTheServerAreAskedForAgainWithGrowingPauses() throws Exception {
        TestEndpointFactory factory = new TestEndpointFactory(true, d -> { });
        factory.refuseNext(3);
        fx.activate(factory, fx.queueSpec("in"));

        broker.send("in", "waits");

        await().atMost(WAIT).until(() -> factory.committed() == 1);
        assertThat(factory.attempts()).hasSize(1).allMatch(a -> a.startsWith("waits|"));
        List<Long> refused = factory.refusedAtNanos();
        assertThat(refused).hasSize(3);
        // 50 ms, then 100 ms, pass between the refusals: a lower bound, so it cannot flake
        assertThat(refused.get(1) - refused.get(0)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        assertThat(refused.get(2) - refused.get(1)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
    }

    @Test
    void runtimeExceptionInNonTransactedDeliveryRedeliversTheMessage() throws Exception {
        TestEndpointFactory factory = new TestEndpointFactory(false, d -> {
            if (!d.redelivered()) {
                throw new IllegalStateException("first attempt fails");
            }
        });
        WarrenActivationSpec spec = fx.queueSpec("in");
        fx.activate(factory, spec);

        broker.send("in", "boom");

        await().atMost(WAIT).untilAsserted(() -> assertThat(factory.attempts())
                .containsExactly("boom|false|1", "boom|true|2"));
        fx.ra.endpointDeactivation(factory, spec);
        assertThat(broker.queueDepth("in")).isZero();
        assertThat(factory.released()).isEqualTo(factory.created());
    }

    @Test
    void transactedDeliveryThatThrowsIsRolledBackAndRedelivered() throws Exception {
        TestEndpointFactory factory = new TestEndpointFactory(true, d -> {
            if (!d.redelivered()) {
                throw new IllegalStateException("the bean fails once");
            }
        });
        WarrenActivationSpec spec = fx.queueSpec("in");
        fx.activate(factory, spec);

        broker.send("in", "order-1");

        await().atMost(WAIT).untilAsserted(() -> assertThat(factory.attempts())
                .containsExactly("order-1|false|1", "order-1|true|2"));
        await().atMost(WAIT).until(() -> factory.committed() == 1);
        assertThat(factory.rolledBack()).isEqualTo(1);
        fx.ra.endpointDeactivation(factory, spec);
        assertThat(broker.queueDepth("in")).isZero();
    }

    @Test
    void transactedDeliveryMarkedRollbackOnlyIsRedelivered() throws Exception {
        TestEndpointFactory factory = new TestEndpointFactory(true, d -> {
            if (d.deliveryCount() < 3) {
                d.setRollbackOnly();
            }
        });
        WarrenActivationSpec spec = fx.queueSpec("in");
        fx.activate(factory, spec);

        broker.send("in", "retry-me");

        await().atMost(WAIT).untilAsserted(() -> assertThat(factory.attempts())
                .containsExactly("retry-me|false|1", "retry-me|true|2", "retry-me|true|3"));
        await().atMost(WAIT).until(() -> factory.committed() == 1);
        fx.ra.endpointDeactivation(factory, spec);
        assertThat(broker.queueDepth("in")).isZero();
    }

    @Test
    void committedTransactedDeliveryConsumesTheMessageOnce() throws Exception {
        TestEndpointFactory factory = new TestEndpointFactory(true, d -> { });
        WarrenActivationSpec spec = fx.queueSpec("in");
        fx.activate(factory, spec);

        broker.send("in", "x");
        broker.send("in", "y");

        await().atMost(WAIT).until(() -> factory.committed() == 2);
        fx.ra.endpointDeactivation(factory, spec);
        assertThat(factory.attempts()).containsExactlyInAnyOrder("x|false|1", "y|false|1");
        assertThat(broker.queueDepth("in")).isZero();
    }

    @Test
    void maxSessionBoundsConcurrentDeliveries() throws Exception {
        AtomicInteger active = new AtomicInteger();
        AtomicInteger maxActive = new AtomicInteger();
        CountDownLatch threeBusy = new CountDownLatch(3);
        TestEndpointFactory factory = new TestEndpointFactory(false, d -> {
            maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
            threeBusy.countDown();
            // Hold each delivery until three run at once, so a fourth session would show.
            threeBusy.await(10, TimeUnit.SECONDS);
            active.decrementAndGet();
        });
        WarrenActivationSpec spec = fx.queueSpec("busy");
        spec.setMaxSession(3);
        EndpointActivation activation = fx.activate(factory, spec);
        assertThat(activation.sessionCount()).isEqualTo(3);

        for (int i = 0; i < 12; i++) {
            broker.send("busy", "m" + i);
        }

        await().atMost(WAIT).until(() -> factory.attempts().size() == 12);
        assertThat(threeBusy.getCount()).isZero();
        assertThat(maxActive.get()).isEqualTo(3);
    }

    @Test
    void fifteenSessionsByDefault() throws Exception {
        EndpointActivation activation = fx.activate(new TestEndpointFactory(false, d -> { }), fx.queueSpec("q"));
        assertThat(activation.sessionCount()).isEqualTo(WarrenActivationSpec.DEFAULT_MAX_SESSION).isEqualTo(15);
    }

    @Test
    void deactivationWaitsForTheDeliveryInProgress() throws Exception {
        CountDownLatch inDelivery = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean deliveryFinished = new AtomicBoolean();
        TestEndpointFactory factory = new TestEndpointFactory(false, d -> {
            inDelivery.countDown();
            release.await(10, TimeUnit.SECONDS);
            deliveryFinished.set(true);
        });
        WarrenActivationSpec spec = fx.queueSpec("slow");
        fx.activate(factory, spec);
        broker.send("slow", "long job");
        assertThat(inDelivery.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Boolean> deactivation = CompletableFuture.supplyAsync(() -> {
            fx.ra.endpointDeactivation(factory, spec);
            return deliveryFinished.get();
        });
        assertThatThrownBy(() -> deactivation.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        release.countDown();

        assertThat(deactivation.get(10, TimeUnit.SECONDS)).as("delivery finished before deactivation returned")
                .isTrue();
        assertThat(broker.queueDepth("slow")).isZero();
    }
}
