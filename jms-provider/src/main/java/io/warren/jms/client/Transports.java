package io.warren.jms.client;

import io.warren.jms.transport.BrokerConnection;
import io.warren.jms.transport.amqp.AmqpTransport;
import io.warren.jms.transport.vm.VmTransport;
import jakarta.jms.JMSException;

/** Picks the transport a connection URL names and opens a broker connection with it. */
final class Transports {
    private Transports() {
    }

    static BrokerConnection connect(ClientOptions options, String user, String password) throws JMSException {
        if (options.url().isVm()) {
            return VmTransport.connect(options.url(), options.clientId(), user != null ? user : options.user());
        }
        return AmqpTransport.connect(options.url(), options.clientId(), user != null ? user : options.user(),
                password != null ? password : options.password());
    }
}
