package io.warren.server.amqp.codec;

import java.util.Arrays;

/**
 * The eight bytes a client sends first, as read by {@link FrameDecoder}. {@link #supported()} is true only for
 * {@code "AMQP" 0 0 9 1}; otherwise the server should answer with its own header and close.
 *
 * <p>Immutable: the bytes are copied in and out.
 */
public record ProtocolHeader(byte[] bytes) {

    public ProtocolHeader {
        if (bytes.length != FrameTypes.PROTOCOL_HEADER_LENGTH) {
            throw new IllegalArgumentException("a protocol header has 8 bytes, not " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** A copy of the eight bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Whether these are exactly the AMQP 0-9-1 header bytes. */
    public boolean supported() {
        return Arrays.equals(bytes, FrameTypes.protocolHeader());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProtocolHeader && Arrays.equals(bytes, ((ProtocolHeader) o).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ProtocolHeader[");
        for (byte b : bytes) {
            if (b >= 0x20 && b < 0x7F) {
                sb.append((char) b);
            } else {
                sb.append("\\x").append(String.format("%02x", b & 0xFF));
            }
        }
        return sb.append(']').toString();
    }
}
