package io.warren.server.amqp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits a client's byte stream into a {@link ProtocolHeader} followed by {@link Frame}s.
 *
 * <p>The first eight bytes are always emitted as a {@link ProtocolHeader}, supported or not. After an
 * unsupported header every further byte is discarded, since the server answers with its own header and closes.
 * After a supported one the decoder reads frames (type octet, channel short, size long, payload, frame-end
 * {@code 0xCE}) and emits each as a {@link Frame} the next handler must release (see {@link Frame}).
 *
 * <p><b>Errors.</b> A frame larger than {@link #setMaxFrameSize max frame size}, an unknown frame type or a
 * frame-end other than {@code 0xCE} throws {@link AmqpCodecException} with {@link ReplyCodes#FRAME_ERROR};
 * Netty delivers it to {@code exceptionCaught} wrapped in a {@link io.netty.handler.codec.DecoderException}
 * (use {@code getCause()}). Frames decoded before the error in the same read are still passed on; from then on
 * all input is discarded, so the connection handler can send {@code connection.close} and close.
 *
 * <p><b>Memory.</b> The frame header is checked as soon as its seven bytes have arrived, so the decoder only
 * waits for, and buffers, one frame of at most max frame size plus whatever bytes the current read brought.
 *
 * <p>Netty calls it on the channel's event loop; {@link #setMaxFrameSize} must be called there too.
 */
public final class FrameDecoder extends ByteToMessageDecoder {
    private static final int FRAME_HEADER = 7;

    private enum State { PROTOCOL_HEADER, FRAMES, DISCARD }

    private State state = State.PROTOCOL_HEADER;
    private int maxFrameSize = FrameTypes.DEFAULT_FRAME_MAX;

    /**
     * Sets the largest frame accepted, counting the 8 bytes of frame overhead; normally the frame-max agreed in
     * {@code connection.tune-ok}. 0 (the protocol's "no limit") means the pre-tune minimum of
     * {@value FrameTypes#MIN_FRAME_MAX} bytes: the connection handler should pass its own upper bound instead.
     *
     * @throws IllegalArgumentException for a negative size, a size under 9 other than 0, or one over
     *         {@link Integer#MAX_VALUE}
     */
    public void setMaxFrameSize(long maxFrameSize) {
        if (maxFrameSize < 0 || maxFrameSize > Integer.MAX_VALUE
                || (maxFrameSize > 0 && maxFrameSize <= FrameTypes.FRAME_OVERHEAD)) {
            throw new IllegalArgumentException("frame-max " + maxFrameSize + " is not a usable frame size");
        }
        this.maxFrameSize = maxFrameSize == 0 ? FrameTypes.MIN_FRAME_MAX : (int) maxFrameSize;
    }

    /** The largest frame accepted, including the 8 bytes of overhead. */
    public long maxFrameSize() {
        return maxFrameSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        switch (state) {
            case PROTOCOL_HEADER:
                decodeProtocolHeader(in, out);
                break;
            case FRAMES:
                decodeFrame(in, out);
                break;
            default:
                in.skipBytes(in.readableBytes());
        }
    }

    private void decodeProtocolHeader(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < FrameTypes.PROTOCOL_HEADER_LENGTH) {
            return;
        }
        byte[] bytes = new byte[FrameTypes.PROTOCOL_HEADER_LENGTH];
        in.readBytes(bytes);
        ProtocolHeader header = new ProtocolHeader(bytes);
        state = header.supported() ? State.FRAMES : State.DISCARD;
        if (state == State.DISCARD) {
            in.skipBytes(in.readableBytes());
        }
        out.add(header);
    }

    /** Decodes one frame per call; {@link ByteToMessageDecoder} calls again while bytes are consumed. */
    private void decodeFrame(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < FRAME_HEADER) {
            return;
        }
        int start = in.readerIndex();
        int type = in.getUnsignedByte(start);
        int channel = in.getUnsignedShort(start + 1);
        long size = in.getUnsignedInt(start + 3);
        if (!FrameTypes.isKnown(type)) {
            fail(in, "unknown frame type " + type + " on channel " + channel);
        }
        if (size + FrameTypes.FRAME_OVERHEAD > maxFrameSize) {
            fail(in, FrameTypes.name(type) + " frame on channel " + channel + " of " + size
                    + " payload bytes (" + (size + FrameTypes.FRAME_OVERHEAD) + " with overhead) exceeds frame-max "
                    + maxFrameSize);
        }
        int payloadSize = (int) size;
        if (in.readableBytes() < FRAME_HEADER + payloadSize + 1) {
            return;
        }
        int end = in.getUnsignedByte(start + FRAME_HEADER + payloadSize);
        if (end != FrameTypes.FRAME_END) {
            fail(in, FrameTypes.name(type) + " frame on channel " + channel + " of " + payloadSize
                    + " bytes ends with 0x" + Integer.toHexString(end) + " instead of 0xce");
        }
        in.skipBytes(FRAME_HEADER);
        ByteBuf payload = in.readRetainedSlice(payloadSize);
        in.skipBytes(1);
        out.add(new Frame(type, channel, payload));
    }

    private void fail(ByteBuf in, String message) {
        state = State.DISCARD;
        in.skipBytes(in.readableBytes());
        throw new AmqpCodecException(ReplyCodes.FRAME_ERROR, message);
    }
}
