package io.warren.ra.inbound;

import io.warren.ra.WarrenResourceAdapter;
import io.warren.ra.testing.TestBootstrapContext;
import io.warren.ra.testing.TestBroker;
import io.warren.ra.testing.TestEndpointFactory;
import jakarta.resource.ResourceException;

/** A started resource adapter on a broker of its own, for the inbound tests. */
final class InboundFixture implements AutoCloseable {
    final TestBroker broker;
    final TestBootstrapContext bootstrap = new TestBootstrapContext();
    final WarrenResourceAdapter ra = new WarrenResourceAdapter();

    InboundFixture(String brokerPrefix) throws ResourceException {
        broker = new TestBroker(brokerPrefix);
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
        broker.close();
    }
}
