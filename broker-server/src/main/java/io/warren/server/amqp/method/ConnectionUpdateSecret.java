package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@code connection.update-secret}, class 10 method 70.
 *
 * <p>Client to server (RabbitMQ extension): replace the credential, for example an expiring token. {@code toString}
 * hides the secret.
 */
public record ConnectionUpdateSecret(byte[] newSecret, String reason) implements AmqpMethod {
    private static final String NAME = "connection.update-secret";

    @Override
    public int classId() {
        return 10;
    }

    @Override
    public int methodId() {
        return 70;
    }

    @Override
    public String name() {
        return NAME;
    }

    static ConnectionUpdateSecret read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        byte[] newSecret = r.longstrBytes("new-secret");
        String reason = r.shortstr("reason");
        return new ConnectionUpdateSecret(newSecret, reason);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .longstr(newSecret)
                .shortstr(reason, "reason")
                .end();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ConnectionUpdateSecret)) {
            return false;
        }
        ConnectionUpdateSecret other = (ConnectionUpdateSecret) o;
        return Arrays.equals(newSecret, other.newSecret)
                && Objects.equals(reason, other.reason);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Arrays.hashCode(newSecret);
        h = 31 * h + Objects.hashCode(reason);
        return h;
    }

    /** Prints only the length of secret bytes. */
    @Override
    public String toString() {
        return "ConnectionUpdateSecret[" + "newSecret=[" + (newSecret == null ? 0 : newSecret.length) + " bytes]"
                + ", " + "reason=" + reason
                + "]";
    }
}
