package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@code connection.secure}, class 10 method 20.
 *
 * <p>Server to client: a SASL challenge.
 */
public record ConnectionSecure(byte[] challenge) implements AmqpMethod {
    private static final String NAME = "connection.secure";

    @Override
    public int classId() {
        return 10;
    }

    @Override
    public int methodId() {
        return 20;
    }

    @Override
    public String name() {
        return NAME;
    }

    static ConnectionSecure read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        byte[] challenge = r.longstrBytes("challenge");
        return new ConnectionSecure(challenge);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .longstr(challenge)
                .end();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ConnectionSecure)) {
            return false;
        }
        ConnectionSecure other = (ConnectionSecure) o;
        return Arrays.equals(challenge, other.challenge);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Arrays.hashCode(challenge);
        return h;
    }

    /** Prints only the length of secret bytes. */
    @Override
    public String toString() {
        return "ConnectionSecure[" + "challenge=[" + (challenge == null ? 0 : challenge.length) + " bytes]"
                + "]";
    }
}
