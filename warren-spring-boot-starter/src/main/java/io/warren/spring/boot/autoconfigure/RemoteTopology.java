package io.warren.spring.boot.autoconfigure;

import io.warren.jms.url.ConnectionUrl;
import org.springframework.beans.factory.InitializingBean;

/**
 * Declares the configured queues, exchanges and bindings on the remote broker when the bean is created, over one
 * short AMQP connection (closed again). With topology configured, a broker that cannot be reached or refuses a
 * declaration stops the start-up; without, nothing connects at start-up.
 */
class RemoteTopology implements InitializingBean {
    private final WarrenProperties properties;

    RemoteTopology(WarrenProperties properties) {
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        if (!properties.hasTopology()) {
            return;
        }
        ConnectionUrl url = ConnectionUrl.parse(properties.getUrl());
        String where = "the broker at " + url;
        AmqpTopologyTarget target;
        try {
            target = new AmqpTopologyTarget(url, properties.getUser(), properties.getPassword());
        } catch (Exception e) {
            throw new WarrenTopologyException(WarrenProperties.PREFIX + ".url", "cannot connect to " + where
                    + " to declare the queues, exchanges and bindings of " + WarrenProperties.PREFIX + ": "
                    + e.getMessage() + ". Check that the broker runs and that " + WarrenProperties.PREFIX
                    + ".url, .user and .password are right.", e);
        }
        TopologyDeclarer.declare(properties, target, where);
    }
}
