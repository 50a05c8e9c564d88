package io.warren.ra;

import io.warren.ra.inbound.ActivationConfig;
import io.warren.ra.inbound.EndpointActivation;
import io.warren.ra.inbound.WarrenActivationSpec;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.concurrent.ConcurrentHashMap;
import javax.transaction.xa.XAResource;

/**
 * The Warren resource adapter: the server starts one per deployed {@code .rar}. It holds the default connection
 * settings ({@code connectionUrl}, default {@code vm://local}, {@code user}, {@code password}) that managed
 * connection factories and activation specs inherit, and runs the inbound side: one {@link EndpointActivation}
 * per activated message-driven bean.
 *
 * <p>Lifecycle: the server calls {@link #start} once, then {@code endpointActivation}/{@code
 * endpointDeactivation} from any thread, then {@link #stop}, which deactivates whatever is still active.
 */
public class WarrenResourceAdapter extends ConnectionProperties implements ResourceAdapter {
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(WarrenResourceAdapter.class.getName());

    private transient Timer timer;
    private final transient Map<ActivationKey, EndpointActivation> activations = new ConcurrentHashMap<>();
    private final transient RecoveryResources recovery = new RecoveryResources();

    /** Identity of an activation: the server passes the same two objects to deactivate it. */
    private record ActivationKey(MessageEndpointFactory factory, ActivationSpec spec) {
    }

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        try {
            timer = context.createTimer();
        } catch (UnavailableException e) {
            throw new ResourceAdapterInternalException("the server gave the Warren resource adapter no timer: " + e, e);
        }
        LOG.log(System.Logger.Level.INFO, "Warren resource adapter started with " + settings());
    }

    @Override
    public void stop() {
        activations.values().forEach(EndpointActivation::stop);
        activations.clear();
        recovery.close();
        if (timer != null) {
            timer.cancel();
        }
        LOG.log(System.Logger.Level.INFO, "Warren resource adapter stopped");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof WarrenActivationSpec warrenSpec)) {
            throw new NotSupportedException("the Warren resource adapter takes a " + WarrenActivationSpec.class
                    .getName() + ", not " + (spec == null ? "null" : spec.getClass().getName()));
        }
        if (timer == null) {
            throw new ResourceAdapterInternalException("the Warren resource adapter has not been started");
        }
        warrenSpec.validate();
        EndpointActivation activation = new EndpointActivation(ActivationConfig.of(warrenSpec, settings()), factory,
                EndpointActivation.deliveryTransacted(factory), timer);
        EndpointActivation previous = activations.put(new ActivationKey(factory, spec), activation);
        if (previous != null) {
            previous.stop();
        }
        activation.start();
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        EndpointActivation activation = activations.remove(new ActivationKey(factory, spec));
        if (activation != null) {
            activation.stop();
        }
    }

    /** The activation for this pair, or null (for monitoring and tests). */
    public EndpointActivation activation(MessageEndpointFactory factory, ActivationSpec spec) {
        return activations.get(new ActivationKey(factory, spec));
    }

    /**
     * XA resources for the transaction manager's recovery: one per broker that these endpoints consume from, so
     * transactions prepared before a crash are committed or rolled back.
     */
    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        List<ConnectionSettings> brokers = new ArrayList<>();
        if (specs != null) {
            for (ActivationSpec spec : specs) {
                if (spec instanceof WarrenActivationSpec w) {
                    brokers.add(w.over(settings()));
                }
            }
        }
        return recovery.forBrokers(brokers);
    }

    /** The adapter-wide connection settings; the URL is {@code vm://local} when none is configured. */
    public ConnectionSettings settings() {
        return over(new ConnectionSettings(ConnectionSettings.DEFAULT_URL, null, null));
    }
}
