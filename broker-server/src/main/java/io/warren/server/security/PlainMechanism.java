package io.warren.server.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * SASL {@code PLAIN} (RFC 4616): the response is {@code [authzid] NUL authcid NUL passwd} in UTF-8. The
 * authorisation identity is ignored, as RabbitMQ ignores it; the user logs in as the authentication
 * identity. Exactly two NULs are required and the user name must not be empty.
 *
 * <p>Stateless and thread-safe.
 */
public final class PlainMechanism implements SaslMechanism {

    /** The mechanism name. */
    public static final String NAME = "PLAIN";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Credentials parse(byte[] response) throws AuthenticationException {
        if (response == null || response.length == 0) {
            throw malformed("it is empty");
        }
        int first = indexOfNul(response, 0);
        int second = first < 0 ? -1 : indexOfNul(response, first + 1);
        if (second < 0) {
            throw malformed("it must be [authzid] NUL username NUL password but has "
                    + (first < 0 ? "no" : "only one") + " NUL separator");
        }
        if (indexOfNul(response, second + 1) >= 0) {
            throw malformed("it has more than two NUL separators");
        }
        if (second == first + 1) {
            throw malformed("the username is empty");
        }
        String username = new String(decode(response, first + 1, second, "username"));
        char[] password = decode(response, second + 1, response.length, "password");
        return new Credentials(username, password);
    }

    private static int indexOfNul(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Decodes strictly, so malformed UTF-8 is refused rather than turned into replacement characters. */
    private static char[] decode(byte[] bytes, int from, int to, String what) throws AuthenticationException {
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from));
        } catch (CharacterCodingException e) {
            throw malformed("the " + what + " is not valid UTF-8");
        }
        char[] result = new char[chars.remaining()];
        chars.get(result);
        if (chars.hasArray()) {
            Arrays.fill(chars.array(), '\0');
        }
        return result;
    }

    private static AuthenticationException malformed(String problem) {
        return AuthenticationException.accessRefused("PLAIN response is malformed: " + problem);
    }
}
