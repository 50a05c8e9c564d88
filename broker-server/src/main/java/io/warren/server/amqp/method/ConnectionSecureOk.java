package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@code connection.secure-ok}, class 10 method 21.
 *
 * <p>Client to server: the answer to a SASL challenge. {@code toString} hides the response.
 */
public record ConnectionSecureOk(byte[] response) implements AmqpMethod {
    private static final String NAME = "connection.secure-ok";

    @Override
    public int classId() {
        return 10;
    }

    @Override
    public int methodId() {
        return 21;
    }

    @Override
    public String name() {
        return NAME;
    }

    static ConnectionSecureOk read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        byte[] response = r.longstrBytes("response");
        return new ConnectionSecureOk(response);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .longstr(response)
                .end();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ConnectionSecureOk)) {
            return false;
        }
        ConnectionSecureOk other = (ConnectionSecureOk) o;
        return Arrays.equals(response, other.response);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Arrays.hashCode(response);
        return h;
    }

    /** Prints only the length of secret bytes. */
    @Override
    public String toString() {
        return "ConnectionSecureOk[" + "response=[" + (response == null ? 0 : response.length) + " bytes]"
                + "]";
    }
}
