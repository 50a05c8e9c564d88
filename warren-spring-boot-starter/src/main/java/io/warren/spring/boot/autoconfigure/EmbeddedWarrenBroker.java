package io.warren.spring.boot.autoconfigure;

import io.warren.broker.Broker;
import io.warren.jms.transport.vm.VmBrokers;
import io.warren.jms.url.ConnectionUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * The broker an application context runs in its own JVM ({@code vm://NAME}): started when the bean is created,
 * before any bean can use the {@code ConnectionFactory} (which depends on it), with the configured queues, exchanges
 * and bindings declared; stopped when the context closes, after the connection factories are gone.
 *
 * <p>Without {@code spring.warren.url} or {@code spring.warren.embedded.name} the broker gets a name no other broker
 * of the JVM has, so each context has its own. A broker named by the user that is already running (started by other
 * code or another context) is joined and left running at close.
 *
 * <p>Inject it to reach the engine: {@code embeddedWarrenBroker.broker().defaultVirtualHost()}.
 */
public class EmbeddedWarrenBroker implements InitializingBean, DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedWarrenBroker.class);

    private final WarrenProperties properties;
    private final String url;
    private final String name;
    private final boolean uniqueName;
    private Broker broker;
    private boolean owned;

    /**
     * @param applicationName {@code spring.application.name}, or null: the base of the default broker name
     */
    EmbeddedWarrenBroker(WarrenProperties properties, String applicationName) {
        this.properties = properties;
        if (properties.getUrl() != null && !properties.getUrl().isBlank()) {
            this.url = properties.getUrl();
            this.name = ConnectionUrl.parse(url).brokerName();
            this.uniqueName = false;
        } else {
            String configured = properties.getEmbedded().getName();
            this.uniqueName = configured == null;
            this.name = uniqueName ? EmbeddedBrokerNames.claim(EmbeddedBrokerNames.base(applicationName)) : configured;
            String dir = properties.getEmbedded().getDataDirectory();
            this.url = "vm://" + name + (dir == null ? "" : "?dataDir=" + URLEncoder.encode(dir, StandardCharsets.UTF_8));
        }
    }

    @Override
    public void afterPropertiesSet() {
        owned = VmBrokers.get(name) == null;
        ConnectionUrl parsed = ConnectionUrl.parse(url);
        broker = VmBrokers.acquire(parsed);
        if (owned) {
            LOG.info("Started embedded Warren broker '{}' ({})", name, parsed.persistent()
                    ? "journal in " + parsed.dataDir() : "in memory");
        } else {
            LOG.info("Joined the running embedded Warren broker '{}'; it stays running when this context closes", name);
        }
        try {
            TopologyDeclarer.declare(properties, new EngineTopologyTarget(broker.createVirtualHost(
                    parsed.virtualHost())), "embedded broker '" + name + "'");
        } catch (RuntimeException e) {
            destroy();
            throw e;
        }
    }

    /** Stops the broker if this context started it. */
    @Override
    public void destroy() {
        if (owned) {
            owned = false;
            VmBrokers.stop(name);
            LOG.info("Stopped embedded Warren broker '{}'", name);
        }
        if (uniqueName) {
            EmbeddedBrokerNames.release(name);
        }
    }

    /** The running engine. */
    public Broker broker() {
        return broker;
    }

    /** The broker's name, as in {@code vm://NAME}. */
    public String name() {
        return name;
    }

    /** The URL the connection factory uses, possibly with a password in it: show {@link ConnectionUrl#redact}. */
    public String url() {
        return url;
    }
}
