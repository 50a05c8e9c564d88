package io.warren.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.warren.ra.inbound.WarrenActivationSpec;
import io.warren.ra.testing.TestBootstrapContext;
import io.warren.ra.testing.TestBroker;
import io.warren.ra.testing.TestEndpointFactory;
import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WarrenResourceAdapterTest {
    private TestBroker broker;
    private TestBootstrapContext bootstrap;
    private WarrenResourceAdapter ra;

    @BeforeEach
    void setUp() throws Exception {
        broker = new TestBroker("adapter");
        bootstrap = new TestBootstrapContext();
        ra = new WarrenResourceAdapter();
        ra.setConnectionUrl(broker.url());
        ra.start(bootstrap);
    }

    @AfterEach
    void tearDown() {
        ra.stop();
        bootstrap.close();
        broker.close();
    }

    @Test
    void connectsToVmLocalWhenNothingIsConfigured() {
        assertThat(new WarrenResourceAdapter().settings().url()).isEqualTo("vm://local");
    }

    @Test
    void anActivationSpecOfAnotherAdapterIsRefused() {
        ActivationSpec foreign = new ActivationSpec() {
            @Override
            public void validate() {
            }

            @Override
            public ResourceAdapter getResourceAdapter() {
                return null;
            }

            @Override
            public void setResourceAdapter(ResourceAdapter ra) {
            }
        };
        assertThatThrownBy(() -> ra.endpointActivation(new TestEndpointFactory(false, d -> { }), foreign))
                .isInstanceOf(NotSupportedException.class).hasMessageContaining("WarrenActivationSpec");
    }

    @Test
    void anInvalidActivationSpecIsRefusedWithItsValidationMessage() {
        WarrenActivationSpec spec = new WarrenActivationSpec();
        assertThatThrownBy(() -> ra.endpointActivation(new TestEndpointFactory(false, d -> { }), spec))
                .isInstanceOf(InvalidPropertyException.class).hasMessageContaining("destination");
    }

    @Test
    void theActivationSpecsConnectionSettingsOverrideTheAdapters() throws Exception {
        try (TestBroker other = new TestBroker("other")) {
            WarrenActivationSpec spec = new WarrenActivationSpec();
            spec.setDestination("elsewhere");
            spec.setConnectionUrl(other.url());
            TestEndpointFactory factory = new TestEndpointFactory(false, d -> { });
            ra.endpointActivation(factory, spec);

            other.send("elsewhere", "from the other broker");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(factory.attempts())
                    .containsExactly("from the other broker|false|1"));
            ra.endpointDeactivation(factory, spec);
        }
    }

    @Test
    void stoppingTheAdapterDeactivatesEveryEndpoint() throws Exception {
        WarrenActivationSpec spec = new WarrenActivationSpec();
        spec.setDestination("q");
        TestEndpointFactory factory = new TestEndpointFactory(false, d -> { });
        ra.endpointActivation(factory, spec);
        assertThat(ra.activation(factory, spec).isConnected()).isTrue();

        ra.stop();

        assertThat(ra.activation(factory, spec)).isNull();
        assertThat(factory.released()).isEqualTo(factory.created());
        broker.send("q", "left for later");
        assertThat(broker.drain("q", 5000)).containsExactly("left for later");
    }
}
