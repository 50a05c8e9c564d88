package io.warren.server.amqp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCounted;

/**
 * One decoded AMQP frame: its type ({@link FrameTypes}), channel and payload (without the frame-end octet).
 *
 * <p><b>Ownership.</b> {@link FrameDecoder} emits every frame holding one reference to a retained slice of
 * its input buffer. Whoever receives the frame owns that reference and must release it exactly once, with
 * {@link #release()} or {@code ReferenceCountUtil.release(frame)} (a {@code SimpleChannelInboundHandler}
 * does this after {@code channelRead0}). The payload stays valid until then; to keep it longer, call
 * {@link #retain()} and release later. Because the slice pins the whole read buffer it came from, anything
 * kept for long (a message body waiting in a queue) should be copied out instead. The reference-count
 * methods delegate to the payload.
 */
public record Frame(int type, int channel, ByteBuf payload) implements ReferenceCounted {

    @Override
    public int refCnt() {
        return payload.refCnt();
    }

    @Override
    public Frame retain() {
        payload.retain();
        return this;
    }

    @Override
    public Frame retain(int increment) {
        payload.retain(increment);
        return this;
    }

    @Override
    public Frame touch() {
        payload.touch();
        return this;
    }

    @Override
    public Frame touch(Object hint) {
        payload.touch(hint);
        return this;
    }

    @Override
    public boolean release() {
        return payload.release();
    }

    @Override
    public boolean release(int decrement) {
        return payload.release(decrement);
    }

    /** Type, channel and size only: the payload is not printed. */
    @Override
    public String toString() {
        return "Frame[" + FrameTypes.name(type) + " channel " + channel + ", " + payload.readableBytes()
                + " bytes]";
    }
}
