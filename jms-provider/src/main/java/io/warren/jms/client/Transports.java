package io.warren.jms.client;

import io.warren.jms.transport.BrokerConnection;
import io.warren.jms.transport.amqp.AmqpTransport;
import io.warren.jms.transport.vm.VmTransport;
import jakarta.jms.JMSException;

/** Picks the transport a connection URL names and opens a broker connection with it. */
final class Transports {
    private Transports() {
    }

    /**
     * Connects with {@code user} and {@code password} as given to {@code createConnection(user, password)}, each
     * falling back to the options' (the URL's {@code user} and {@code password} or the factory's setters) when
     * null: the same rule for every transport.
     */
    static BrokerConnection connect(ClientOptions options, String user, String password) throws JMSException {
        String u = user != null ? user : options.user();
        String p = password != null ? password : options.password();
        if (options.url().isVm()) {
            return VmTransport.connect(options.url(), options.clientId(), u, p);
        }
        return AmqpTransport.connect(options.url(), options.clientId(), u, p);
    }
}
