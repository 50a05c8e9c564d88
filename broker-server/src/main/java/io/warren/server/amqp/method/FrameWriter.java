package io.warren.server.amqp.method;

import io.warren.server.amqp.codec.BasicProperties;
import io.warren.server.amqp.codec.ContentHeaderCodec;
import io.warren.server.amqp.codec.FrameTypes;
import io.netty.buffer.ByteBuf;

/**
 * Writes whole frames into a buffer: methods, content (header frame plus body frames) and heartbeats.
 *
 * <p>Each frame is written once: the size field is a placeholder patched after the payload is encoded. Body
 * frames carry at most {@code frameMax - 8} bytes each (frameMax 0 means no limit) and an empty body has no
 * body frame. If encoding fails the writer index is restored, so {@code out} holds only whole frames.
 * Allocates nothing per call beyond what the method and properties encoders need; stateless and thread-safe,
 * the buffer being the caller's.
 */
public final class FrameWriter {
    /** Rough size assumed for a method frame's arguments when estimating. */
    private static final int METHOD_ESTIMATE = 128;

    private FrameWriter() {
    }

    /** Writes the 8-byte protocol header {@code "AMQP" 0 0 9 1}. */
    public static void writeProtocolHeader(ByteBuf out) {
        out.writeBytes(FrameTypes.protocolHeader());
    }

    /** Writes a method frame. */
    public static void writeMethod(ByteBuf out, int channel, AmqpMethod method) {
        int start = startFrame(out, FrameTypes.METHOD, channel);
        try {
            MethodCodec.encode(method, out);
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
        endFrame(out, start);
    }

    /** Writes a heartbeat frame: type 8, channel 0, no payload. */
    public static void writeHeartbeat(ByteBuf out) {
        // Written directly: a heartbeat has no payload to patch.
        out.writeByte(FrameTypes.HEARTBEAT).writeShort(0).writeInt(0).writeByte(FrameTypes.FRAME_END);
    }

    /**
     * Writes a content header frame and then the body in frames of at most {@code frameMax - 8} bytes.
     *
     * @throws IllegalArgumentException if {@code frameMax} is neither 0 nor over 8, or the header frame alone
     *         is larger than {@code frameMax}
     */
    public static void writeContent(ByteBuf out, int channel, int classId, BasicProperties properties,
                                    byte[] body, long frameMax) {
        int maxPayload = maxPayload(frameMax);
        int start = out.writerIndex();
        writeHeaderFrame(out, channel, classId, properties, body.length, frameMax);
        try {
            for (int offset = 0; offset < body.length; offset += maxPayload) {
                int length = Math.min(maxPayload, body.length - offset);
                out.writeByte(FrameTypes.BODY).writeShort(channel).writeInt(length);
                out.writeBytes(body, offset, length).writeByte(FrameTypes.FRAME_END);
            }
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
    }

    /**
     * Like {@link #writeContent(ByteBuf, int, int, BasicProperties, byte[], long)} with the body's readable
     * bytes; the body's indexes are left unchanged.
     */
    public static void writeContent(ByteBuf out, int channel, int classId, BasicProperties properties,
                                    ByteBuf body, long frameMax) {
        int maxPayload = maxPayload(frameMax);
        int start = out.writerIndex();
        int bodySize = body.readableBytes();
        writeHeaderFrame(out, channel, classId, properties, bodySize, frameMax);
        try {
            for (int offset = 0; offset < bodySize; offset += maxPayload) {
                int length = Math.min(maxPayload, bodySize - offset);
                out.writeByte(FrameTypes.BODY).writeShort(channel).writeInt(length);
                out.writeBytes(body, body.readerIndex() + offset, length).writeByte(FrameTypes.FRAME_END);
            }
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
    }

    /** Writes a content-carrying method ({@code basic.deliver}, {@code basic.get-ok}, ...) and its content. */
    public static void writeMessage(ByteBuf out, int channel, AmqpMethod method, BasicProperties properties,
                                    byte[] body, long frameMax) {
        int start = out.writerIndex();
        writeMethod(out, channel, method);
        try {
            writeContent(out, channel, method.classId(), properties, body, frameMax);
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
    }

    /** Like {@link #writeMessage(ByteBuf, int, AmqpMethod, BasicProperties, byte[], long)} with a buffer body. */
    public static void writeMessage(ByteBuf out, int channel, AmqpMethod method, BasicProperties properties,
                                    ByteBuf body, long frameMax) {
        int start = out.writerIndex();
        writeMethod(out, channel, method);
        try {
            writeContent(out, channel, method.classId(), properties, body, frameMax);
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
    }

    /**
     * A capacity hint for {@link #writeMessage}: exact for framing and body, rough for the method and
     * properties (string lengths as if ASCII, a guess per header entry). The buffer grows if it is short.
     */
    public static int estimateMessageSize(BasicProperties properties, int bodySize, long frameMax) {
        long frames = bodySize == 0 ? 0 : (bodySize + (long) maxPayload(frameMax) - 1) / maxPayload(frameMax);
        long size = FrameTypes.FRAME_OVERHEAD + METHOD_ESTIMATE
                + FrameTypes.FRAME_OVERHEAD + 14L + estimatePropertiesSize(properties)
                + frames * FrameTypes.FRAME_OVERHEAD + bodySize;
        return (int) Math.min(size, Integer.MAX_VALUE - 8);
    }

    private static int estimatePropertiesSize(BasicProperties p) {
        if (p == null) {
            return 0;
        }
        int size = 2 + 8 + 14;
        size += length(p.contentType()) + length(p.contentEncoding()) + length(p.correlationId())
                + length(p.replyTo()) + length(p.expiration()) + length(p.messageId()) + length(p.type())
                + length(p.userId()) + length(p.appId()) + length(p.clusterId());
        if (p.headers() != null) {
            size += 4 + 32 * p.headers().size();
        }
        return size;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private static void writeHeaderFrame(ByteBuf out, int channel, int classId, BasicProperties properties,
                                         long bodySize, long frameMax) {
        int start = startFrame(out, FrameTypes.HEADER, channel);
        try {
            ContentHeaderCodec.encode(classId, bodySize, properties, out);
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
        endFrame(out, start);
        int frameSize = out.writerIndex() - start;
        if (frameMax != 0 && frameSize > frameMax) {
            out.writerIndex(start);
            throw new IllegalArgumentException("content header frame of " + frameSize
                    + " bytes exceeds frame-max " + frameMax);
        }
    }

    private static int maxPayload(long frameMax) {
        if (frameMax == 0) {
            return Integer.MAX_VALUE;
        }
        if (frameMax <= FrameTypes.FRAME_OVERHEAD || frameMax > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("frame-max " + frameMax + " leaves no room for a payload");
        }
        return (int) Math.min(frameMax - FrameTypes.FRAME_OVERHEAD, Integer.MAX_VALUE);
    }

    /** Writes type and channel and a size placeholder; returns the frame's start index. */
    private static int startFrame(ByteBuf out, int type, int channel) {
        if (channel < 0 || channel > 0xFFFF) {
            throw new IllegalArgumentException("channel " + channel + " is outside 0..65535");
        }
        int start = out.writerIndex();
        out.writeByte(type).writeShort(channel).writeInt(0);
        return start;
    }

    /** Patches the size from what was written and appends the frame-end octet. */
    private static void endFrame(ByteBuf out, int start) {
        out.setInt(start + 3, out.writerIndex() - start - 7);
        out.writeByte(FrameTypes.FRAME_END);
    }
}
