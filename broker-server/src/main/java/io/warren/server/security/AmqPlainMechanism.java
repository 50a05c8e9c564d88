package io.warren.server.security;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.warren.server.amqp.codec.AmqpCodecException;
import io.warren.server.amqp.codec.FieldTables;
import java.util.Map;

/**
 * RabbitMQ's {@code AMQPLAIN}: the response is the body of an AMQP field table, without its 4-byte length
 * prefix, holding the user name under {@code LOGIN} and the password under {@code PASSWORD}, both as long
 * strings ({@code 'S'}). Other entries are ignored. A response that is not a table body, lacks either entry,
 * holds another type there or has an empty {@code LOGIN} is refused.
 *
 * <p>The password passes through a {@link String} (the table decoder's type for long strings), which cannot
 * be cleared; {@link PlainMechanism} avoids that. Stateless and thread-safe.
 */
public final class AmqPlainMechanism implements SaslMechanism {

    /** The mechanism name. */
    public static final String NAME = "AMQPLAIN";
    static final String LOGIN = "LOGIN";
    static final String PASSWORD = "PASSWORD";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Credentials parse(byte[] response) throws AuthenticationException {
        if (response == null || response.length == 0) {
            throw malformed("it is empty");
        }
        Map<String, Object> table;
        ByteBuf in = Unpooled.wrappedBuffer(response);
        try {
            table = FieldTables.readTableBody(in, response.length);
        } catch (AmqpCodecException e) {
            // The codec's message names the field and type at fault, never a value.
            throw malformed("it is not a field table body (" + e.getMessage() + ")");
        } finally {
            in.release();
        }
        String login = longString(table, LOGIN);
        String password = longString(table, PASSWORD);
        if (login.isEmpty()) {
            throw malformed("LOGIN is empty");
        }
        return new Credentials(login, password.toCharArray());
    }

    private static String longString(Map<String, Object> table, String key) throws AuthenticationException {
        Object value = table.get(key);
        if (value == null) {
            throw malformed("it has no " + key + " field");
        }
        if (!(value instanceof String text)) {
            throw malformed(key + " is not a long string");
        }
        return text;
    }

    private static AuthenticationException malformed(String problem) {
        return AuthenticationException.accessRefused("AMQPLAIN response is malformed: " + problem);
    }
}
