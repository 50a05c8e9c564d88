package io.warren.ra.inbound;

import io.warren.junit.WarrenExtension;
import io.warren.ra.WarrenResourceAdapter;
import io.warren.ra.testing.TestBootstrapContext;
import io.warren.ra.testing.TestEndpointFactory;
import jakarta.resource.ResourceException;

/** A started resource adapter on the test's broker, for the inbound tests. */
final class InboundFixture implements AutoCloseable {
    final WarrenExtension broker;
    final TestBootstrapContext bootstrap = new TestBootstrapContext();
    final WarrenResourceAdapter ra = new WarrenResourceAdapter();

    InboundFixture(WarrenExtension broker) throws ResourceException {
        this.broker = broker;
        ra.setConnectionUrl(broker.url());
        ra.start(bootstrap);
    }

    WarrenActivationSpec queueSpec(String queue) throws ResourceException {
        WarrenActivationSpec spec = new WarrenActivationSpec();
        spec.setResourceAdapter(ra);
        spec.setDestination(queue);
        return spec;
    }

    WarrenActivationSpec topicSpec(String topic) throws ResourceException {
        WarrenActivationSpec spec = queueSpec(topic);
        spec.setDestinationType(WarrenActivationSpec.TOPIC);
        return spec;
    }

    EndpointActivation activate(TestEndpointFactory factory, WarrenActivationSpec spec) throws ResourceException {
        ra.endpointActivation(factory, spec);
        return ra.activation(factory, spec);
    }

    @Override
    public void close() {
        ra.stop();
        bootstrap.close();
    }
}
