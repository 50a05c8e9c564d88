package io.warren.server.management.api;

import io.warren.server.management.http.ApiException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Message bodies in JSON, as RabbitMQ's API carries them: a {@code payload} string with a {@code
 * payload_encoding} of {@value #STRING} (the body is the string's UTF-8 bytes) or {@value #BASE64}. Stateless.
 */
final class Payloads {
    static final String STRING = "string";
    static final String BASE64 = "base64";

    /** A body written for JSON. */
    record Encoded(String payload, String encoding) {
    }

    private Payloads() {
    }

    /**
     * The body a publish carries.
     *
     * @throws ApiException 400 for an unknown encoding or a payload that is not base64
     */
    static byte[] decode(String payload, String encoding) {
        if (encoding.equals(STRING)) {
            return payload.getBytes(StandardCharsets.UTF_8);
        }
        if (encoding.equals(BASE64)) {
            try {
                return Base64.getDecoder().decode(payload);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("field 'payload' is not valid base64: " + e.getMessage());
            }
        }
        throw ApiException.badRequest("field 'payload_encoding' must be '" + STRING + "' or '" + BASE64 + "', got '"
                + encoding + "'");
    }

    /**
     * {@code body} for a get: as a string when {@code text} is allowed and the body is valid UTF-8, else in
     * base64; cut to its first {@code truncate} bytes when longer (a string only at a character boundary).
     */
    static Encoded encode(byte[] body, boolean text, long truncate) {
        int length = (int) Math.min(body.length, truncate);
        if (text && isUtf8(body)) {
            while (length < body.length && length > 0 && isContinuation(body[length])) {
                length--;
            }
            return new Encoded(new String(body, 0, length, StandardCharsets.UTF_8), STRING);
        }
        return new Encoded(Base64.getEncoder().encodeToString(Arrays.copyOf(body, length)), BASE64);
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
