package io.warren.server.amqp.method;

import io.warren.server.amqp.codec.BasicProperties;
import io.warren.server.amqp.codec.ContentHeader;
import io.warren.server.amqp.codec.ContentHeaderCodec;
import io.warren.server.amqp.codec.Frame;
import io.warren.server.amqp.codec.FrameDecoder;
import io.warren.server.amqp.codec.FrameTypes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.impl.AMQImpl;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.warren.server.amqp.method.BasicDeliver;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameWriterTest {

    /** Decodes everything written, through the real decoder. */
    private static List<Frame> frames(ByteBuf written) {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder());
        ((FrameDecoder) channel.pipeline().first()).setMaxFrameSize(1 << 20);
        channel.writeInbound(Unpooled.wrappedBuffer(FrameTypes.protocolHeader()), written);
        channel.readInbound();
        List<Frame> frames = new ArrayList<>();
        for (Frame f; (f = channel.readInbound()) != null; ) {
            frames.add(f);
        }
        channel.finish();
        return frames;
    }

    private static byte[] body(int size) {
        byte[] body = new byte[size];
        for (int i = 0; i < size; i++) {
            body[i] = (byte) i;
        }
        return body;
    }

    @Test
    void methodFrameMatchesRabbitsFraming() throws IOException {
        ByteBuf ours = Unpooled.buffer();
        FrameWriter.writeMethod(ours, 7, new BasicDeliver("ctag", 42, true, "ex", "rk"));

        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        new AMQImpl.Basic.Deliver("ctag", 42, true, "ex", "rk").toFrame(7).writeTo(new DataOutputStream(theirs));

        assertThat(ByteBufUtil.getBytes(ours)).isEqualTo(theirs.toByteArray());
    }

    @Test
    void heartbeatIsTypeEightOnChannelZeroWithNoPayload() {
        ByteBuf out = Unpooled.buffer();
        FrameWriter.writeHeartbeat(out);

        assertThat(ByteBufUtil.getBytes(out)).containsExactly(8, 0, 0, 0, 0, 0, 0, 0xCE);
    }

    @Test
    void protocolHeaderIsAmqp0091() {
        ByteBuf out = Unpooled.buffer();
        FrameWriter.writeProtocolHeader(out);

        assertThat(ByteBufUtil.getBytes(out)).containsExactly('A', 'M', 'Q', 'P', 0, 0, 9, 1);
    }

    @Test
    void bodyIsSplitIntoFramesOfAtMostFrameMaxMinusEight() {
        ByteBuf out = Unpooled.buffer();
        byte[] body = body(10_000);
        BasicProperties props = BasicProperties.builder().contentType("text/plain").build();

        FrameWriter.writeContent(out, 3, 60, props, body, 4096);

        List<Frame> frames = frames(out);
        assertThat(frames).extracting(Frame::type)
                .containsExactly(FrameTypes.HEADER, FrameTypes.BODY, FrameTypes.BODY, FrameTypes.BODY);
        assertThat(frames).extracting(f -> f.payload().readableBytes()).endsWith(4088, 4088, 1824);
        assertThat(ContentHeaderCodec.decode(frames.get(0).payload()))
                .isEqualTo(new ContentHeader(60, 10_000, props));
        ByteBuf joined = Unpooled.buffer();
        frames.subList(1, 4).forEach(f -> joined.writeBytes(f.payload()));
        assertThat(ByteBufUtil.getBytes(joined)).isEqualTo(body);
        frames.forEach(Frame::release);
    }

    @Test
    void emptyBodyHasNoBodyFrame() {
        ByteBuf out = Unpooled.buffer();
        FrameWriter.writeContent(out, 1, 60, BasicProperties.EMPTY, new byte[0], 4096);

        List<Frame> frames = frames(out);
        assertThat(frames).extracting(Frame::type).containsExactly(FrameTypes.HEADER);
        frames.forEach(Frame::release);
    }

    @Test
    void zeroFrameMaxPutsTheWholeBodyInOneFrame() {
        ByteBuf out = Unpooled.buffer();
        FrameWriter.writeContent(out, 1, 60, null, body(100_000), 0);

        List<Frame> frames = frames(out);
        assertThat(frames).extracting(f -> f.payload().readableBytes()).last().isEqualTo(100_000);
        assertThat(frames).hasSize(2);
        frames.forEach(Frame::release);
    }

    @Test
    void messageIsMethodThenHeaderThenBodyOnOneChannel() {
        ByteBuf out = Unpooled.buffer();
        BasicDeliver deliver = new BasicDeliver("c", 1, false, "e", "r");

        FrameWriter.writeMessage(out, 9, deliver, BasicProperties.EMPTY, body(5000), 4096);

        List<Frame> frames = frames(out);
        assertThat(frames).extracting(Frame::type)
                .containsExactly(FrameTypes.METHOD, FrameTypes.HEADER, FrameTypes.BODY, FrameTypes.BODY);
        assertThat(frames).extracting(Frame::channel).containsOnly(9);
        assertThat(MethodCodec.decode(frames.get(0).payload())).isEqualTo(deliver);
        frames.forEach(Frame::release);
    }

    @Test
    void bufferBodyIsWrittenWithoutMovingItsIndexes() {
        ByteBuf body = Unpooled.wrappedBuffer(body(300));
        body.readerIndex(100);
        ByteBuf out = Unpooled.buffer();

        FrameWriter.writeMessage(out, 1, new BasicDeliver("c", 1, false, "e", "r"), null, body, 108);

        assertThat(body.readerIndex()).isEqualTo(100);
        List<Frame> frames = frames(out);
        assertThat(frames).hasSize(4);
        assertThat(ContentHeaderCodec.decode(frames.get(1).payload()).bodySize()).isEqualTo(200);
        assertThat(frames.get(2).payload().getByte(0)).isEqualTo((byte) 100);
        frames.forEach(Frame::release);
    }

    @Test
    void headerLargerThanFrameMaxFailsAndLeavesTheBufferUntouched() {
        ByteBuf out = Unpooled.buffer();
        out.writeByte(1);
        BasicProperties props = BasicProperties.builder().headers(Map.of("big", "x".repeat(5000))).build();

        assertThatThrownBy(() -> FrameWriter.writeMessage(out, 1, new BasicDeliver("c", 1, false, "e", "r"),
                props, new byte[10], 4096)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds frame-max 4096");
        assertThat(out.writerIndex()).isEqualTo(1);
    }

    @Test
    void unusableFrameMaxIsRefused() {
        assertThatThrownBy(() -> FrameWriter.writeContent(Unpooled.buffer(), 1, 60, null, new byte[1], 8))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void estimateCoversATypicalMessage() {
        BasicProperties props = BasicProperties.builder().contentType("application/json").deliveryMode(2)
                .messageId("id-1").headers(Map.of("k", "v")).build();
        ByteBuf out = Unpooled.buffer();

        FrameWriter.writeMessage(out, 1, new BasicDeliver("ctag-1", 1, false, "ex", "rk"), props, body(9000), 4096);

        assertThat(FrameWriter.estimateMessageSize(props, 9000, 4096)).isGreaterThanOrEqualTo(out.readableBytes());
    }
}
