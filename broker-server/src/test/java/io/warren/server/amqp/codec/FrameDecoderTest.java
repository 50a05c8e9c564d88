package io.warren.server.amqp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.util.ResourceLeakDetector;
import io.warren.server.amqp.method.BasicAck;
import io.warren.server.amqp.method.BasicPublish;
import io.warren.server.amqp.method.FrameWriter;
import io.warren.server.amqp.method.MethodCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
    private final List<ByteBuf> inputs = new ArrayList<>();
    private final FrameDecoder decoder = new FrameDecoder();
    private final EmbeddedChannel channel = new EmbeddedChannel(decoder);

    @BeforeAll
    static void detectEveryLeak() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    @AfterEach
    void everyBufferIsReleased() {
        channel.finishAndReleaseAll();
        for (ByteBuf input : inputs) {
            assertThat(input.refCnt()).as("input buffer released").isZero();
        }
    }

    private ByteBuf pooled(byte[] bytes) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.buffer(bytes.length);
        buf.writeBytes(bytes);
        inputs.add(buf);
        return buf;
    }

    private void feed(byte[] bytes) {
        channel.writeInbound(pooled(bytes));
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuf buf = io.netty.buffer.Unpooled.buffer();
        for (byte[] part : parts) {
            buf.writeBytes(part);
        }
        return ByteBufUtil.getBytes(buf);
    }

    private static byte[] header() {
        return FrameTypes.protocolHeader();
    }

    private static byte[] methodFrame(int channel, io.warren.server.amqp.method.AmqpMethod method) {
        ByteBuf buf = io.netty.buffer.Unpooled.buffer();
        FrameWriter.writeMethod(buf, channel, method);
        return ByteBufUtil.getBytes(buf);
    }

    private static byte[] rawFrame(int type, int channel, int size, byte[] payload, int end) {
        ByteBuf buf = io.netty.buffer.Unpooled.buffer();
        buf.writeByte(type).writeShort(channel).writeInt(size).writeBytes(payload).writeByte(end);
        return ByteBufUtil.getBytes(buf);
    }

    private Object next() {
        return channel.readInbound();
    }

    private Frame readFrame() {
        Object o = channel.readInbound();
        assertThat(o).isInstanceOf(Frame.class);
        return (Frame) o;
    }

    private void expectSupportedHeader() {
        Object o = channel.readInbound();
        assertThat(o).isInstanceOf(ProtocolHeader.class);
        assertThat(((ProtocolHeader) o).supported()).isTrue();
    }

    private static void assertFrameError(Throwable e, String messagePart) {
        assertThat(e).isInstanceOf(DecoderException.class);
        assertThat(e.getCause()).isInstanceOfSatisfying(AmqpCodecException.class, c -> {
            assertThat(c.replyCode()).isEqualTo(ReplyCodes.FRAME_ERROR);
            assertThat(c.getMessage()).contains(messagePart);
        });
    }

    @Test
    void amqp091HeaderIsSupported() {
        feed(header());

        Object o = channel.readInbound();
        assertThat(o).isEqualTo(new ProtocolHeader(FrameTypes.protocolHeader()));
        assertThat(((ProtocolHeader) o).supported()).isTrue();
    }

    @Test
    void otherHeaderIsEmittedUnsupportedAndLaterInputIgnored() {
        feed("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
        feed(methodFrame(1, new BasicAck(1, false)));

        ProtocolHeader h = channel.readInbound();
        assertThat(h.supported()).isFalse();
        assertThat(h.toString()).contains("GET / HT");
        assertThat(next()).isNull();
    }

    @Test
    void amqp091WithADifferentRevisionIsUnsupported() {
        feed(new byte[] {'A', 'M', 'Q', 'P', 1, 1, 0, 9});

        assertThat(((ProtocolHeader) channel.readInbound()).supported()).isFalse();
    }

    @Test
    void headerArrivingInPiecesWaitsForAllEightBytes() {
        feed(new byte[] {'A', 'M', 'Q'});
        assertThat(next()).isNull();

        feed(new byte[] {'P', 0, 0, 9, 1});
        expectSupportedHeader();
    }

    @Test
    void framesSplitByteByByteAreReassembled() {
        BasicPublish publish = new BasicPublish("ex", "key", true, false);
        byte[] stream = concat(header(), methodFrame(3, publish), methodFrame(4, new BasicAck(9, true)));

        for (byte b : stream) {
            feed(new byte[] {b});
        }

        expectSupportedHeader();
        Frame first = readFrame();
        assertThat(first.type()).isEqualTo(FrameTypes.METHOD);
        assertThat(first.channel()).isEqualTo(3);
        assertThat(MethodCodec.decode(first.payload())).isEqualTo(publish);
        first.release();
        Frame second = readFrame();
        assertThat(second.channel()).isEqualTo(4);
        assertThat(MethodCodec.decode(second.payload())).isEqualTo(new BasicAck(9, true));
        second.release();
        assertThat(next()).isNull();
    }

    @Test
    void severalFramesInOneBufferAreAllEmitted() {
        byte[] stream = concat(header(), methodFrame(1, new BasicAck(1, false)),
                rawFrame(FrameTypes.BODY, 1, 3, new byte[] {1, 2, 3}, 0xCE),
                rawFrame(FrameTypes.HEARTBEAT, 0, 0, new byte[0], 0xCE));

        feed(stream);

        expectSupportedHeader();
        List<Integer> types = new ArrayList<>();
        for (Frame f; (f = channel.readInbound()) != null; ) {
            types.add(f.type());
            if (f.type() == FrameTypes.BODY) {
                assertThat(ByteBufUtil.getBytes(f.payload())).containsExactly(1, 2, 3);
            }
            f.release();
        }
        assertThat(types).containsExactly(FrameTypes.METHOD, FrameTypes.BODY, FrameTypes.HEARTBEAT);
    }

    @Test
    void frameOfExactlyTheMaximumIsAccepted() {
        decoder.setMaxFrameSize(4096);
        feed(concat(header(), rawFrame(FrameTypes.BODY, 1, 4088, new byte[4088], 0xCE)));

        expectSupportedHeader();
        Frame f = readFrame();
        assertThat(f.payload().readableBytes()).isEqualTo(4088);
        f.release();
    }

    @Test
    void oversizedFrameIsAFrameErrorAsSoonAsItsSizeArrives() {
        decoder.setMaxFrameSize(4096);
        feed(header());
        expectSupportedHeader();

        // Only the 7-byte frame header: the decoder must not wait for (or buffer) the payload.
        assertThatThrownBy(() -> feed(new byte[] {FrameTypes.BODY, 0, 1, 0, 0, 0x0F, (byte) 0xF9}))
                .satisfies(e -> assertFrameError(e, "4089 payload bytes (4097 with overhead) exceeds frame-max 4096"));
    }

    @Test
    void zeroFrameMaxMeansThePreTuneMinimum() {
        decoder.setMaxFrameSize(0);

        assertThat(decoder.maxFrameSize()).isEqualTo(4096);
        assertThat(new FrameDecoder().maxFrameSize()).isEqualTo(131072);
        assertThatThrownBy(() -> decoder.setMaxFrameSize(8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decoder.setMaxFrameSize(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badFrameEndIsAFrameError() {
        feed(header());
        expectSupportedHeader();

        assertThatThrownBy(() -> feed(rawFrame(FrameTypes.BODY, 2, 2, new byte[] {1, 2}, 0xCD)))
                .satisfies(e -> assertFrameError(e, "ends with 0xcd"));
    }

    @Test
    void unknownFrameTypeIsAFrameError() {
        feed(header());
        expectSupportedHeader();

        assertThatThrownBy(() -> feed(rawFrame(4, 1, 0, new byte[0], 0xCE)))
                .satisfies(e -> assertFrameError(e, "unknown frame type 4"));
    }

    @Test
    void framesBeforeAnErrorAreDeliveredAndNothingAfterIt() {
        byte[] stream = concat(header(), methodFrame(1, new BasicAck(1, false)),
                rawFrame(FrameTypes.BODY, 1, 1, new byte[] {7}, 0x00), methodFrame(1, new BasicAck(2, false)));

        assertThatThrownBy(() -> feed(stream)).satisfies(e -> assertFrameError(e, "ends with 0x0"));
        feed(methodFrame(1, new BasicAck(3, false)));

        expectSupportedHeader();
        Frame f = readFrame();
        assertThat(MethodCodec.decode(f.payload())).isEqualTo(new BasicAck(1, false));
        f.release();
        assertThat(next()).isNull();
    }

    @Test
    void frameToStringShowsTypeChannelAndSizeOnly() {
        feed(concat(header(), rawFrame(FrameTypes.BODY, 5, 2, new byte[] {1, 2}, 0xCE)));
        expectSupportedHeader();

        Frame f = readFrame();
        assertThat(f).hasToString("Frame[BODY channel 5, 2 bytes]");
        f.release();
    }
}
