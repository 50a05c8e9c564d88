package io.warren.ra.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warren.junit.WarrenExtension;
import io.warren.ra.testing.TestEndpointFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SubscriptionTest {
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
    void durableSubscriptionKeepsWhatIsPublishedWhileTheEndpointIsInactive() throws Exception {
        WarrenActivationSpec spec = fx.topicSpec("news.eu");
        spec.setSubscriptionDurability("Durable");
        spec.setSubscriptionName("eu-news");
        spec.setClientId("news-reader");
        TestEndpointFactory first = new TestEndpointFactory(false, d -> { });
        fx.activate(first, spec);
        broker.publish("news.eu", "while active");
        await().atMost(WAIT).until(() -> first.attempts().size() == 1);
        fx.ra.endpointDeactivation(first, spec);

        broker.publish("news.eu", "while inactive");

        TestEndpointFactory second = new TestEndpointFactory(false, d -> { });
        fx.activate(second, spec);
        await().atMost(WAIT).untilAsserted(() -> assertThat(second.attempts())
                .containsExactly("while inactive|false|1"));
    }

    @Test
    void sharedSubscriptionDividesMessagesBetweenEndpoints() throws Exception {
        List<TestEndpointFactory> factories = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            WarrenActivationSpec spec = fx.topicSpec("prices");
            spec.setShareSubscriptions(true);
            spec.setSubscriptionName("price-workers");
            spec.setMaxSession(2);
            TestEndpointFactory factory = new TestEndpointFactory(false, d -> { });
            EndpointActivation activation = fx.activate(factory, spec);
            assertThat(activation.sessionCount()).isEqualTo(2);
            factories.add(factory);
        }

        for (int i = 0; i < 20; i++) {
            broker.publish("prices", "p" + i);
        }

        await().atMost(WAIT).until(() -> factories.get(0).attempts().size() + factories.get(1).attempts().size()
                == 20);
        List<String> all = new ArrayList<>(factories.get(0).attempts());
        all.addAll(factories.get(1).attempts());
        assertThat(all).doesNotHaveDuplicates().hasSize(20);
    }

    @Test
    void sharedDurableSubscriptionNeedsNoClientIdAndDeliversEachMessageOnce() throws Exception {
        WarrenActivationSpec spec = fx.topicSpec("audit");
        spec.setSubscriptionDurability("Durable");
        spec.setShareSubscriptions(true);
        spec.setSubscriptionName("auditors");
        spec.setMaxSession(3);
        TestEndpointFactory factory = new TestEndpointFactory(true, d -> { });
        fx.activate(factory, spec);

        for (int i = 0; i < 6; i++) {
            broker.publish("audit", "event" + i);
        }

        await().atMost(WAIT).until(() -> factory.committed() == 6);
        assertThat(factory.attempts()).doesNotHaveDuplicates().hasSize(6);
    }

    @Test
    void aDurableSubscriptionWithoutAClientIdKeepsWhatIsPublishedWhileInactiveAndDeliversEachMessageOnce()
            throws Exception {
        WarrenActivationSpec spec = fx.topicSpec("alerts");
        spec.setSubscriptionDurability("Durable");
        spec.setSubscriptionName("alert-handlers");
        spec.setMaxSession(3);
        TestEndpointFactory first = new TestEndpointFactory(true, d -> { });
        EndpointActivation activation = fx.activate(first, spec);
        assertThat(activation.sessionCount()).isEqualTo(3);
        for (int i = 0; i < 6; i++) {
            broker.publish("alerts", "a" + i);
        }
        await().atMost(WAIT).until(() -> first.committed() == 6);
        assertThat(first.attempts()).doesNotHaveDuplicates().hasSize(6);
        fx.ra.endpointDeactivation(first, spec);

        broker.publish("alerts", "while inactive");

        TestEndpointFactory second = new TestEndpointFactory(true, d -> { });
        fx.activate(second, spec);
        await().atMost(WAIT).untilAsserted(() -> assertThat(second.attempts())
                .containsExactly("while inactive|false|1"));
    }

    @Test
    void unsharedTopicSubscriptionUsesOneSessionSoEachMessageArrivesOnce() throws Exception {
        WarrenActivationSpec spec = fx.topicSpec("alerts");
        spec.setMaxSession(5);
        TestEndpointFactory factory = new TestEndpointFactory(false, d -> { });
        EndpointActivation activation = fx.activate(factory, spec);
        assertThat(activation.sessionCount()).isEqualTo(1);

        broker.publish("alerts", "a1");
        broker.publish("alerts", "a2");

        await().atMost(WAIT).untilAsserted(() -> assertThat(factory.attempts())
                .containsExactly("a1|false|1", "a2|false|1"));
    }

    @Test
    void selectorDeliversOnlyMatchingMessages() throws Exception {
        WarrenActivationSpec spec = fx.queueSpec("paint");
        spec.setMessageSelector("color = 'red'");
        TestEndpointFactory factory = new TestEndpointFactory(false, d -> { });
        fx.activate(factory, spec);

        broker.send("paint", "blue one", Map.of("color", "blue"));
        broker.send("paint", "red one", Map.of("color", "red"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(factory.attempts()).containsExactly("red one|false|1"));
        fx.ra.endpointDeactivation(factory, spec);
        assertThat(broker.drainText("paint")).containsExactly("blue one");
    }
}
