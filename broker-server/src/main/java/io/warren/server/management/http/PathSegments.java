package io.warren.server.management.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a request path at {@code /} and percent-decodes each segment on its own, so that an encoded slash
 * ({@code %2F}) stays inside its segment: {@code /api/vhosts/%2F} is {@code ["api", "vhosts", "/"]}. A
 * {@code +} stays a plus (it means space only in query strings). One trailing slash is ignored. Decoding is
 * strict: a bad escape or bytes that are not UTF-8 fail with a 400 naming the segment. Stateless.
 */
final class PathSegments {

    private PathSegments() {
    }

    /**
     * The decoded segments of {@code rawPath}, which starts with {@code /}; {@code "/"} has none.
     *
     * @throws ApiException 400 if a segment is not valid percent-encoded UTF-8
     */
    static List<String> decode(String rawPath) {
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        List<String> segments = new ArrayList<>();
        if (path.isEmpty()) {
            return segments;
        }
        for (String raw : path.split("/", -1)) {
            segments.add(decodeSegment(raw));
        }
        return segments;
    }

    private static String decodeSegment(String raw) {
        if (raw.chars().allMatch(c -> c != '%' && c < 0x80)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                // Netty reads the request line byte by byte into chars, so a char below 256 is one raw byte.
                if (c < 0x100) {
                    bytes.write(c);
                } else {
                    byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                    bytes.write(encoded, 0, encoded.length);
                }
                continue;
            }
            int high = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (high < 0 || low < 0) {
                throw ApiException.badRequest("path segment '" + raw + "' has a '%' not followed by two hex digits");
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("path segment '" + raw + "' does not decode to UTF-8 text");
        }
    }
}
