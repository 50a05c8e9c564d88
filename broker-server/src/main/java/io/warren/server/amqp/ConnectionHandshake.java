package io.warren.server.amqp;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;
import io.warren.broker.BrokerException;
import io.warren.broker.VirtualHost;
import io.warren.broker.security.AccessRefusedException;
import io.warren.broker.security.User;
import io.warren.server.ServerSettings;
import io.warren.server.amqp.codec.ProtocolHeader;
import io.warren.server.amqp.codec.ReplyCodes;
import io.warren.server.amqp.method.AmqpMethod;
import io.warren.server.amqp.method.ConnectionClose;
import io.warren.server.amqp.method.ConnectionCloseOk;
import io.warren.server.amqp.method.ConnectionOpen;
import io.warren.server.amqp.method.ConnectionOpenOk;
import io.warren.server.amqp.method.ConnectionStart;
import io.warren.server.amqp.method.ConnectionStartOk;
import io.warren.server.amqp.method.ConnectionTune;
import io.warren.server.amqp.method.ConnectionTuneOk;
import io.warren.server.amqp.method.ConnectionUpdateSecret;
import io.warren.server.amqp.method.ConnectionUpdateSecretOk;
import io.warren.server.amqp.method.FrameWriter;
import io.warren.server.security.AuthenticationException;
import io.warren.server.security.SaslMechanism;
import io.warren.server.security.SaslMechanisms;
import java.util.Map;

/**
 * The connection-level methods on channel 0: protocol header, start/start-ok (SASL PLAIN or AMQPLAIN),
 * tune/tune-ok, open, and later close and update-secret. Methods out of order are {@code 503 COMMAND_INVALID}
 * connection errors, as in RabbitMQ.
 */
final class ConnectionHandshake {
    private enum State { AWAIT_HEADER, AWAIT_START_OK, AWAIT_TUNE_OK, AWAIT_OPEN, OPEN }

    private static final SaslMechanisms SASL = SaslMechanisms.standard();

    private final AmqpConnection connection;
    private final ServerContext server;
    private final ServerSettings settings;
    private State state = State.AWAIT_HEADER;
    private ScheduledFuture<?> timer;
    private User user;
    private Map<String, Object> clientProperties;
    private boolean authFailureClose;

    ConnectionHandshake(AmqpConnection connection, ServerContext server) {
        this.connection = connection;
        this.server = server;
        this.settings = server.settings();
    }

    void start(ScheduledFuture<?> handshakeTimer) {
        this.timer = handshakeTimer;
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** Whether connection.start went out, so the client expects connection.close rather than a bare close. */
    boolean sentStart() {
        return state != State.AWAIT_HEADER;
    }

    void protocolHeader(ProtocolHeader header) {
        if (state != State.AWAIT_HEADER || !header.supported()) {
            // RabbitMQ answers an unsupported header with the one it speaks, then closes.
            ByteBuf buf = connection.alloc(8);
            FrameWriter.writeProtocolHeader(buf);
            connection.writeAndClose(buf);
            return;
        }
        state = State.AWAIT_START_OK;
        connection.send(0, new ConnectionStart(0, 9, ServerProperties.table(), SASL.announced(),
                "en_US"));
        connection.flush();
    }

    void method(AmqpMethod method) {
        if (method instanceof ConnectionClose && state != State.OPEN) {
            connection.send(0, new ConnectionCloseOk());
            connection.writeAndClose(connection.alloc(0));
            return;
        }
        switch (state) {
            case AWAIT_START_OK -> startOk(expect(method, ConnectionStartOk.class));
            case AWAIT_TUNE_OK -> tuneOk(expect(method, ConnectionTuneOk.class));
            case AWAIT_OPEN -> open(expect(method, ConnectionOpen.class));
            case OPEN -> opened(method);
            default -> throw AmqpException.connection(ReplyCodes.COMMAND_INVALID, "unexpected '" + method.name()
                    + "' before the protocol header");
        }
    }

    private static <T extends AmqpMethod> T expect(AmqpMethod method, Class<T> type) {
        if (!type.isInstance(method)) {
            throw AmqpException.connection(ReplyCodes.COMMAND_INVALID, "expected '" + nameOf(type)
                    + "' but got '" + method.name() + "'");
        }
        return type.cast(method);
    }

    private static String nameOf(Class<?> type) {
        String n = type.getSimpleName();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                sb.append(sb.indexOf(".") < 0 ? '.' : '-');
            }
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }

    private void startOk(ConnectionStartOk ok) {
        clientProperties = ok.clientProperties();
        authFailureClose = ConnectionCapabilities.from(clientProperties).authenticationFailureClose();
        try {
            SaslMechanism mechanism = SASL.lookup(ok.mechanism());
            user = server.authenticator().authenticate(mechanism, ok.response(), connection.remoteAddress());
        } catch (AuthenticationException e) {
            refuseLogin(e);
            return;
        }
        state = State.AWAIT_TUNE_OK;
        connection.send(0, new ConnectionTune(settings.channelMax(), settings.frameMax(), settings.heartbeat()));
        connection.flush();
    }

    private void refuseLogin(AuthenticationException e) {
        if (authFailureClose) {
            connection.close(e.replyCode(), e.replyText());
        } else {
            connection.closeSilently(e.replyText());
        }
    }

    private void tuneOk(ConnectionTuneOk ok) {
        int channelMax = ok.channelMax() == 0 ? settings.channelMax() : ok.channelMax();
        if (channelMax > settings.channelMax()) {
            throw AmqpException.connection(ReplyCodes.NOT_ALLOWED, "negotiated channel_max = " + channelMax
                    + " is higher than the maximum allowed value (" + settings.channelMax() + ")");
        }
        long frameMax = ok.frameMax() == 0 ? settings.frameMax() : ok.frameMax();
        if (frameMax > settings.frameMax()) {
            throw AmqpException.connection(ReplyCodes.NOT_ALLOWED, "negotiated frame_max = " + frameMax
                    + " is higher than the maximum allowed value (" + settings.frameMax() + ")");
        }
        if (frameMax < ServerSettings.MIN_FRAME_MAX) {
            throw AmqpException.connection(ReplyCodes.NOT_ALLOWED, "negotiated frame_max = " + frameMax
                    + " is lower than the minimum allowed value (" + ServerSettings.MIN_FRAME_MAX + ")");
        }
        state = State.AWAIT_OPEN;
        connection.tuned(channelMax, (int) frameMax, ok.heartbeat());
    }

    private void open(ConnectionOpen open) {
        String vhostName = open.virtualHost() == null || open.virtualHost().isEmpty() ? "/" : open.virtualHost();
        VirtualHost host;
        try {
            host = server.broker().virtualHost(vhostName);
        } catch (BrokerException e) {
            throw AmqpException.connection(ReplyCodes.NOT_ALLOWED, "vhost '" + vhostName + "' not found");
        }
        try {
            server.access().checkVhostAccess(user, vhostName);
        } catch (AccessRefusedException e) {
            throw AmqpException.connection(ReplyCodes.NOT_ALLOWED, e.getMessage());
        }
        int max = settings.maxConnections();
        if (max > 0 && server.connections().size() > max) {
            throw AmqpException.connection(ReplyCodes.NOT_ALLOWED, "connection limit of " + max
                    + " reached; try again later");
        }
        cancelTimer();
        state = State.OPEN;
        connection.opened(user, host, clientProperties);
        connection.send(0, new ConnectionOpenOk());
        connection.flush();
    }

    private void opened(AmqpMethod method) {
        if (method instanceof ConnectionClose) {
            connection.clientClosed();
        } else if (method instanceof ConnectionCloseOk) {
            connection.closeSilently("close-ok without close");
        } else if (method instanceof ConnectionUpdateSecret) {
            connection.send(0, new ConnectionUpdateSecretOk());
        } else {
            throw AmqpException.connection(ReplyCodes.COMMAND_INVALID, "unexpected '" + method.name()
                    + "' on channel 0 of an open connection");
        }
    }
}
