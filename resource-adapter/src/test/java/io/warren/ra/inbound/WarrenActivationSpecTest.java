package io.warren.ra.inbound;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.api.Test;

class WarrenActivationSpecTest {
    private static WarrenActivationSpec queue(String name) {
        WarrenActivationSpec spec = new WarrenActivationSpec();
        spec.setDestination(name);
        return spec;
    }

    private static WarrenActivationSpec topic(String name) {
        WarrenActivationSpec spec = queue(name);
        spec.setDestinationType(WarrenActivationSpec.TOPIC);
        return spec;
    }

    @Test
    void aQueueWithDefaultsIsValid() {
        assertThatCode(() -> queue("orders").validate()).doesNotThrowAnyException();
    }

    @Test
    void aDestinationLookupAloneIsEnough() {
        WarrenActivationSpec spec = new WarrenActivationSpec();
        spec.setDestinationLookup("jms/orders");
        assertThatCode(spec::validate).doesNotThrowAnyException();
    }

    @Test
    void missingDestinationIsRejectedNamingTheProperty() {
        assertThatThrownBy(() -> new WarrenActivationSpec().validate()).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("destination (or destinationLookup) is required");
    }

    @Test
    void unknownDestinationTypeIsRejected() {
        WarrenActivationSpec spec = queue("orders");
        spec.setDestinationType("jakarta.jms.Exchange");
        assertThatThrownBy(spec::validate).hasMessageContaining(
                "destinationType must be jakarta.jms.Queue or jakarta.jms.Topic, was 'jakarta.jms.Exchange'");
    }

    @Test
    void javaxDestinationTypesAreAcceptedAsSynonyms() {
        WarrenActivationSpec spec = queue("news");
        spec.setDestinationType("javax.jms.Topic");
        assertThatCode(spec::validate).doesNotThrowAnyException();
    }

    @Test
    void clientAcknowledgeIsRejected() {
        WarrenActivationSpec spec = queue("orders");
        spec.setAcknowledgeMode("Client-acknowledge");
        assertThatThrownBy(spec::validate).hasMessageContaining(
                "acknowledgeMode must be Auto-acknowledge or Dups-ok-acknowledge, was 'Client-acknowledge'");
    }

    @Test
    void durableSubscriptionOnAQueueIsRejected() {
        WarrenActivationSpec spec = queue("orders");
        spec.setSubscriptionDurability("Durable");
        spec.setSubscriptionName("s");
        spec.setClientId("c");
        assertThatThrownBy(spec::validate).hasMessageContaining("applies to topics only");
    }

    @Test
    void durableSubscriptionNeedsASubscriptionName() {
        WarrenActivationSpec spec = topic("news");
        spec.setSubscriptionDurability("Durable");
        spec.setClientId("c");
        assertThatThrownBy(spec::validate).hasMessageContaining("a durable subscription needs subscriptionName");
    }

    @Test
    void aDurableSubscriptionWithoutAClientIdIsValidAndShared() throws Exception {
        WarrenActivationSpec spec = topic("news");
        spec.setSubscriptionDurability("Durable");
        spec.setSubscriptionName("s");
        spec.validate();
        ActivationConfig config = ActivationConfig.of(spec, new io.warren.ra.ConnectionSettings("vm://x", null, null));
        assertThat(config.shared()).isTrue();
        assertThat(config.sessionCount()).isEqualTo(WarrenActivationSpec.DEFAULT_MAX_SESSION);

        spec.setClientId("reader");
        assertThat(ActivationConfig.of(spec, new io.warren.ra.ConnectionSettings("vm://x", null, null)).shared())
                .isFalse();
    }

    @Test
    void sharedDurableSubscriptionNeedsNoClientId() {
        WarrenActivationSpec spec = topic("news");
        spec.setSubscriptionDurability("Durable");
        spec.setSubscriptionName("s");
        spec.setShareSubscriptions(true);
        assertThatCode(spec::validate).doesNotThrowAnyException();
    }

    @Test
    void sharedNonDurableSubscriptionNeedsASubscriptionName() {
        WarrenActivationSpec spec = topic("news");
        spec.setShareSubscriptions(true);
        assertThatThrownBy(spec::validate).hasMessageContaining("a shared subscription (shareSubscriptions=true)"
                + " needs subscriptionName");
    }

    @Test
    void maxSessionBelowOneIsRejected() {
        WarrenActivationSpec spec = queue("orders");
        spec.setMaxSession(0);
        assertThatThrownBy(spec::validate).hasMessageContaining("maxSession must be at least 1, was 0");
    }

    @Test
    void malformedConnectionUrlIsRejected() {
        WarrenActivationSpec spec = queue("orders");
        spec.setConnectionUrl("http://example");
        assertThatThrownBy(spec::validate).hasMessageContaining("connectionUrl is malformed");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        WarrenActivationSpec spec = queue("orders");
        spec.setAcknowledgeMode("sometimes");
        spec.setMaxSession(-1);
        spec.setSubscriptionDurability("forever");
        assertThatThrownBy(spec::validate).hasMessageContaining("acknowledgeMode").hasMessageContaining("maxSession")
                .hasMessageContaining("subscriptionDurability must be Durable or NonDurable, was 'forever'");
    }
}
