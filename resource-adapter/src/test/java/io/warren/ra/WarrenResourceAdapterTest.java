package io.warren.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.warren.junit.WarrenExtension;
import io.warren.ra.inbound.WarrenActivationSpec;
import io.warren.ra.outbound.WarrenManagedConnectionFactory;
import io.warren.ra.testing.PoolingConnectionManager;
import io.warren.ra.testing.TestTransaction;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Session;
import io.warren.ra.testing.TestBootstrapContext;
import io.warren.ra.testing.TestEndpointFactory;
import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.time.Duration;
import java.util.Arrays;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WarrenResourceAdapterTest {
    @RegisterExtension
    final WarrenExtension broker = WarrenExtension.builder().build();
    private TestBootstrapContext bootstrap;
    private WarrenResourceAdapter ra;

    @BeforeEach
    void setUp() throws Exception {
        bootstrap = new TestBootstrapContext();
        ra = new WarrenResourceAdapter();
        ra.setConnectionUrl(broker.url());
        ra.start(bootstrap);
    }

    @AfterEach
    void tearDown() {
        ra.stop();
        bootstrap.close();
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
        WarrenExtension other = WarrenExtension.builder().build();
        other.start();
        try (other) {
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
    void recoveryResourcesLetTheTransactionManagerCommitABranchPreparedBeforeACrash() throws Exception {
        WarrenManagedConnectionFactory mcf = new WarrenManagedConnectionFactory();
        mcf.setResourceAdapter(ra);
        PoolingConnectionManager pool = new PoolingConnectionManager();
        ConnectionFactory cf = (ConnectionFactory) mcf.createConnectionFactory(pool);
        TestTransaction tx = pool.begin();
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession();
            s.createProducer(s.createQueue("in-doubt")).send(s.createTextMessage("prepared"));
        }
        Xid prepared = tx.prepareOnly().get(0);
        WarrenActivationSpec spec = new WarrenActivationSpec();
        spec.setDestination("in-doubt");

        XAResource[] resources = ra.getXAResources(new ActivationSpec[] {spec, spec});

        assertThat(resources).hasSize(1);
        Xid[] inDoubt = resources[0].recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
        Xid found = Arrays.stream(inDoubt).filter(x -> Arrays.equals(x.getGlobalTransactionId(),
                prepared.getGlobalTransactionId())).findFirst().orElseThrow();
        assertThat(broker.queueDepth("in-doubt")).isZero();
        resources[0].commit(found, false);
        assertThat(broker.drainText("in-doubt")).containsExactly("prepared");
        pool.destroyAll();
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
        assertThat(broker.drainText("q")).containsExactly("left for later");
    }
}
