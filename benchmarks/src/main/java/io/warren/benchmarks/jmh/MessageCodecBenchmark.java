package io.warren.benchmarks.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.warren.benchmarks.Payloads;
import io.warren.message.Message;
import io.warren.message.MessageCodec;
import io.warren.server.amqp.MessageMapping;
import io.warren.server.amqp.codec.BasicProperties;
import io.warren.server.amqp.codec.ContentHeader;
import io.warren.server.amqp.codec.ContentHeaderCodec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two binary forms of a message with a 256-byte body, six properties (id, correlation id, type, content type,
 * a timestamp with milliseconds, persistent) and four headers, in nanoseconds per message.
 *
 * <p>{@code storeEncode} and {@code storeDecode}: {@link MessageCodec}, the form memory and the journal share
 * ({@link Message#encoded()} caches it once per message; the journal's own {@code RecordCodec}, package-private,
 * only frames this form with an id, a CRC32C and a length). {@code amqpEncode}: what the AMQP server does to
 * deliver the message, {@link MessageMapping#toProperties} and {@link ContentHeaderCodec#encode} plus the body
 * copied into a reused buffer. {@code amqpDecode}: what it does on publish, {@link ContentHeaderCodec#decode}, the
 * body copied out of its frame, and {@link MessageMapping#toMessage}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MessageCodecBenchmark {
    private static final int BODY = 256;
    private static final long NOW = 1_700_000_000_123L;

    private Message message;
    private byte[] encoded;
    private ByteBuf out;
    private ByteBuf header;
    private ByteBuf bodyFrame;

    @Setup
    public void prepare() {
        message = Message.builder()
                .exchange("")
                .routingKey("orders")
                .persistent(true)
                .messageId("ID:6f1c2a4e-0d9b-4c43-9a57-3f2b1e8d7c60:1:1:1:1")
                .correlationId("order-42")
                .type("OrderPlaced")
                .contentType("application/octet-stream")
                .timestamp(NOW)
                .header("region", "eu")
                .header("tier", 3)
                .header("amount", 19_999L)
                .header("urgent", true)
                .body(Payloads.of(BODY))
                .build();
        encoded = MessageCodec.encode(message);
        out = Unpooled.buffer(1024);
        header = Unpooled.buffer(512);
        ContentHeaderCodec.encode(ContentHeaderCodec.BASIC_CLASS_ID, BODY, MessageMapping.toProperties(message, NOW),
                header);
        bodyFrame = Unpooled.wrappedBuffer(message.body());
    }

    @TearDown
    public void release() {
        out.release();
        header.release();
        bodyFrame.release();
    }

    @Benchmark
    public byte[] storeEncode() {
        return MessageCodec.encode(message);
    }

    @Benchmark
    public Message storeDecode() {
        return MessageCodec.decode(encoded);
    }

    @Benchmark
    public int amqpEncode() {
        out.clear();
        BasicProperties properties = MessageMapping.toProperties(message, NOW);
        ContentHeaderCodec.encode(ContentHeaderCodec.BASIC_CLASS_ID, message.bodySize(), properties, out);
        out.writeBytes(message.body());
        return out.writerIndex();
    }

    @Benchmark
    public Message amqpDecode() {
        ContentHeader decoded = ContentHeaderCodec.decode(header.duplicate());
        byte[] body = new byte[(int) decoded.bodySize()];
        bodyFrame.getBytes(0, body);
        return MessageMapping.toMessage(decoded.properties(), body, NOW);
    }
}
