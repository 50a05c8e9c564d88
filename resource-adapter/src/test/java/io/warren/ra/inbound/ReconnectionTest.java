package io.warren.ra.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warren.junit.WarrenExtension;
import io.warren.ra.testing.LogCapture;
import io.warren.ra.testing.TestEndpointFactory;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReconnectionTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    @RegisterExtension
    final WarrenExtension broker = WarrenExtension.builder().build();
    private InboundFixture fx;
    private LogCapture log;

    @BeforeEach
    void setUp() throws Exception {
        fx = new InboundFixture(broker);
        log = new LogCapture(EndpointActivation.class);
    }

    @AfterEach
    void tearDown() {
        log.close();
        fx.close();
    }

    @Test
    void whenTheBrokerStopsTheEndpointWarnsWithTheReasonAndReconnects() throws Exception {
        TestEndpointFactory factory = new TestEndpointFactory(false, d -> { });
        EndpointActivation activation = fx.activate(factory, fx.queueSpec("jobs"));
        broker.send("jobs", "before");
        await().atMost(WAIT).until(() -> factory.attempts().size() == 1);

        broker.stop();

        await().atMost(WAIT).untilAsserted(() -> assertThat(log.warnings())
                .anyMatch(w -> w.contains("queue jobs") && w.contains("lost its connection")
                        && w.contains("retrying in 100 ms")));
        // The retry connects to vm://NAME again, which starts a new broker of that name.
        await().atMost(WAIT).until(activation::isConnected);
        broker.send("jobs", "after");
        await().atMost(WAIT).untilAsserted(() -> assertThat(factory.attempts())
                .containsExactly("before|false|1", "after|false|1"));
    }

    @Test
    void anUnreachableBrokerIsRetriedWithGrowingDelaysUntilDeactivation() throws Exception {
        WarrenActivationSpec spec = fx.queueSpec("jobs");
        spec.setConnectionUrl("amqp://127.0.0.1:1");
        TestEndpointFactory factory = new TestEndpointFactory(false, d -> { });
        EndpointActivation activation = fx.activate(factory, spec);

        await().atMost(WAIT).untilAsserted(() -> assertThat(log.warnings())
                .anyMatch(w -> w.contains("could not connect") && w.contains("retrying in 100 ms"))
                .anyMatch(w -> w.contains("retrying in 200 ms"))
                .anyMatch(w -> w.contains("retrying in 400 ms")));
        assertThat(activation.isConnected()).isFalse();

        fx.ra.endpointDeactivation(factory, spec);
        int warningsAtStop = log.warnings().size();
        assertThat(fx.ra.activation(factory, spec)).isNull();
        assertThat(log.warnings()).hasSize(warningsAtStop);
    }
}
