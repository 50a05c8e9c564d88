package io.warren.broker.management.jmx;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The start of a message body as an operator wants to read it: UTF-8 text cut to {@value #MAX_CHARS}
 * characters, or, when the body is not valid UTF-8 (serialized objects, binary data), its first bytes in hex.
 * A cut is marked with {@code …}. Stateless.
 */
final class BodyPreview {
    /** Characters of text shown before the preview is cut. */
    static final int MAX_CHARS = 256;
    /** Bytes shown in hex when the body is not text. */
    static final int MAX_HEX_BYTES = 64;
    /** UTF-8 needs at most four bytes a character, so this many bytes always suffice for the preview. */
    private static final int MAX_DECODED_BYTES = MAX_CHARS * 4;

    private BodyPreview() {
    }

    static String of(byte[] body) {
        int n = Math.min(body.length, MAX_DECODED_BYTES);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer text = CharBuffer.allocate(n);
        // Not the end of input when the body goes on: a character split by the cut is left out, not malformed.
        if (decoder.decode(ByteBuffer.wrap(body, 0, n), text, n == body.length).isError()) {
            return OpenValues.hex(body, MAX_HEX_BYTES);
        }
        text.flip();
        if (text.length() > MAX_CHARS) {
            int cut = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
            return text.subSequence(0, cut) + "…";
        }
        return n < body.length ? text + "…" : text.toString();
    }
}
