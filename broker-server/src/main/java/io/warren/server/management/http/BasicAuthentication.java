package io.warren.server.management.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.warren.broker.security.User;
import io.warren.broker.security.UserStore;
import io.warren.server.security.AuthenticationException;
import io.warren.server.security.Authenticator;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * HTTP Basic authentication (RFC 7617) for the API, deciding logins exactly as AMQP logins are decided: the
 * {@link Authenticator} checks the password with the store's hasher (and its cache of passwords that passed),
 * refuses blank passwords and keeps loopback-only users such as {@code guest} to local clients. Then the user
 * must carry a management tag ({@link Access#MANAGEMENT}). Every failure is a 401 with {@code
 * WWW-Authenticate: Basic realm="Warren Management"}; an unknown user and a wrong password give the same
 * reason, and the {@link Authenticator} logs the real one.
 *
 * <p>Thread-safe. A login costs a PBKDF2 run unless the same password passed before, so call it off the
 * event loop.
 */
final class BasicAuthentication {

    /** The mechanism name the {@link Authenticator} logs for refused HTTP logins. */
    static final String MECHANISM = "HTTP Basic";

    private final Authenticator authenticator;

    BasicAuthentication(UserStore users) {
        this.authenticator = new Authenticator(users);
    }

    /**
     * The management user the request's {@code Authorization} header names.
     *
     * @throws ApiException 401 when the header is missing or malformed, the login is refused, or the user
     *     has no management tag
     */
    User authenticate(HttpHeaders headers, SocketAddress remote) {
        String header = headers.get(HttpHeaderNames.AUTHORIZATION);
        if (header == null) {
            throw ApiException.notAuthorized("credentials required: send HTTP Basic authentication");
        }
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).toLowerCase(Locale.ROOT).equals("basic")) {
            throw ApiException.notAuthorized("only HTTP Basic authentication is supported");
        }
        char[] decoded = decode(header.substring(space + 1).strip());
        try {
            int colon = indexOf(decoded, ':');
            if (colon <= 0) {
                throw ApiException.notAuthorized("malformed Basic credentials: expected user:password");
            }
            String name = new String(decoded, 0, colon);
            char[] password = Arrays.copyOfRange(decoded, colon + 1, decoded.length);
            try {
                return admitted(authenticator.authenticate(MECHANISM, name, password, remote));
            } finally {
                Arrays.fill(password, '\0');
            }
        } catch (AuthenticationException e) {
            throw ApiException.notAuthorized(e.replyText().replaceFirst("^ACCESS_REFUSED - ", ""));
        } finally {
            Arrays.fill(decoded, '\0');
        }
    }

    private static User admitted(User user) {
        if (!Access.MANAGEMENT.admits(user)) {
            throw ApiException.notAuthorized("user '" + user.name() + "' is not a management user: it needs one of "
                    + "the tags " + tags() + " (it has " + (user.tags().isEmpty() ? "none" : user.tags()) + ")");
        }
        return user;
    }

    private static String tags() {
        StringJoiner names = new StringJoiner(", ");
        for (Access level : Access.values()) {
            names.add(level.tag());
        }
        return names.toString();
    }

    private static char[] decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw ApiException.notAuthorized("malformed Basic credentials: not base64");
        }
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        Arrays.fill(bytes, (byte) 0);
        char[] result = new char[chars.remaining()];
        chars.get(result);
        if (chars.hasArray()) {
            Arrays.fill(chars.array(), '\0');
        }
        return result;
    }

    private static int indexOf(char[] chars, char wanted) {
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
