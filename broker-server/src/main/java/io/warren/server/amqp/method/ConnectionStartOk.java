package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * {@code connection.start-ok}, class 10 method 11.
 *
 * <p>Client to server: the chosen SASL mechanism and its initial response. {@code toString} hides the response,
 * which may hold a password.
 */
public record ConnectionStartOk(Map<String, Object> clientProperties, String mechanism, byte[] response,
                                String locale)
        implements AmqpMethod {
    private static final String NAME = "connection.start-ok";

    @Override
    public int classId() {
        return 10;
    }

    @Override
    public int methodId() {
        return 11;
    }

    @Override
    public String name() {
        return NAME;
    }

    static ConnectionStartOk read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        Map<String, Object> clientProperties = r.table("client-properties");
        String mechanism = r.shortstr("mechanism");
        byte[] response = r.longstrBytes("response");
        String locale = r.shortstr("locale");
        return new ConnectionStartOk(clientProperties, mechanism, response, locale);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .table(clientProperties, "client-properties")
                .shortstr(mechanism, "mechanism")
                .longstr(response)
                .shortstr(locale, "locale")
                .end();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ConnectionStartOk)) {
            return false;
        }
        ConnectionStartOk other = (ConnectionStartOk) o;
        return Objects.equals(clientProperties, other.clientProperties)
                && Objects.equals(mechanism, other.mechanism)
                && Arrays.equals(response, other.response)
                && Objects.equals(locale, other.locale);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(clientProperties);
        h = 31 * h + Objects.hashCode(mechanism);
        h = 31 * h + Arrays.hashCode(response);
        h = 31 * h + Objects.hashCode(locale);
        return h;
    }

    /** Prints only the length of secret bytes. */
    @Override
    public String toString() {
        return "ConnectionStartOk[" + "clientProperties=" + clientProperties
                + ", " + "mechanism=" + mechanism
                + ", " + "response=[" + (response == null ? 0 : response.length) + " bytes]"
                + ", " + "locale=" + locale
                + "]";
    }
}
