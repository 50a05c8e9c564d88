package io.warren.server.amqp.fuzz;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.warren.server.amqp.codec.BasicProperties;
import io.warren.server.amqp.codec.FrameTypes;
import io.warren.server.amqp.method.FrameWriter;
import io.warren.server.amqp.method.AmqpMethod;
import io.warren.server.amqp.method.BasicAck;
import io.warren.server.amqp.method.BasicCancel;
import io.warren.server.amqp.method.BasicConsume;
import io.warren.server.amqp.method.BasicDeliver;
import io.warren.server.amqp.method.BasicGet;
import io.warren.server.amqp.method.BasicNack;
import io.warren.server.amqp.method.BasicPublish;
import io.warren.server.amqp.method.BasicQos;
import io.warren.server.amqp.method.BasicRecover;
import io.warren.server.amqp.method.BasicRecoverAsync;
import io.warren.server.amqp.method.BasicReject;
import io.warren.server.amqp.method.ChannelClose;
import io.warren.server.amqp.method.ChannelCloseOk;
import io.warren.server.amqp.method.ChannelFlow;
import io.warren.server.amqp.method.ChannelOpen;
import io.warren.server.amqp.method.ConfirmSelect;
import io.warren.server.amqp.method.ConnectionBlocked;
import io.warren.server.amqp.method.ConnectionClose;
import io.warren.server.amqp.method.ConnectionCloseOk;
import io.warren.server.amqp.method.ConnectionOpen;
import io.warren.server.amqp.method.ConnectionStartOk;
import io.warren.server.amqp.method.ConnectionTuneOk;
import io.warren.server.amqp.method.ConnectionUpdateSecret;
import io.warren.server.amqp.method.ExchangeBind;
import io.warren.server.amqp.method.ExchangeDeclare;
import io.warren.server.amqp.method.ExchangeDelete;
import io.warren.server.amqp.method.ExchangeUnbind;
import io.warren.server.amqp.method.QueueBind;
import io.warren.server.amqp.method.QueueDeclare;
import io.warren.server.amqp.method.QueueDeclareOk;
import io.warren.server.amqp.method.QueueDelete;
import io.warren.server.amqp.method.QueuePurge;
import io.warren.server.amqp.method.QueueUnbind;
import io.warren.server.amqp.method.TxCommit;
import io.warren.server.amqp.method.TxRollback;
import io.warren.server.amqp.method.TxSelect;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds the frames a fuzz connection sends: well-formed frames of every method a client may (or may not) send,
 * content with properties and bodies, heartbeats, and mutations of them — bit flips, truncation, wrong sizes,
 * wrong frame-end, random channels and types, huge declared sizes. Deterministic for a given {@link Random};
 * not thread-safe (one per connection).
 */
public final class FrameGenerator {
    private static final String[] QUEUES = {"", "fz-q-0", "fz-q-1", "fz-q-2", "amq.gen-fz", "amq.fz",
        "fz-\u00e9\u00e9\u00e9", "\u00e9".repeat(120), "q".repeat(255)};
    private static final String[] EXCHANGES = {"", "amq.direct", "amq.fanout", "amq.topic", "amq.headers",
        "fz-x-0", "fz-x-1", "amq.fz", "no-such-exchange", "\u00e9".repeat(120)};
    private static final String[] TYPES = {"direct", "fanout", "topic", "headers", "x-bogus", ""};
    private static final String[] KEYS = {"", "fz-q-0", "fz-q-1", "a.b.c", "#", "*.b", "k".repeat(255)};

    private final Random r;
    private final int frameMax;

    public FrameGenerator(Random random, int frameMax) {
        this.r = random;
        this.frameMax = frameMax;
    }

    /** A channel number: mostly the few the connection opens, sometimes anything. */
    public int channel() {
        int p = r.nextInt(100);
        if (p < 70) {
            return 1;
        }
        if (p < 90) {
            return 2 + r.nextInt(3);
        }
        if (p < 95) {
            return 0;
        }
        return r.nextInt(65536);
    }

    /** One well-formed unit: a method frame, a whole publish (method, header, bodies), or a heartbeat. */
    public List<byte[]> validUnit(int channel) {
        List<byte[]> frames = new ArrayList<>(3);
        int p = r.nextInt(100);
        if (p < 25) {
            publish(channel, frames);
        } else if (p < 28) {
            frames.add(heartbeat(r.nextInt(10) == 0 ? channel : 0));
        } else if (p < 31) {
            // a content frame on its own, out of sequence unless a publish precedes it
            frames.add(r.nextBoolean() ? header(channel, r.nextInt(100), properties())
                    : body(channel, randomBytes(r.nextInt(100))));
        } else {
            frames.add(FuzzClient.method(channel, method()));
        }
        return frames;
    }

    private void publish(int channel, List<byte[]> frames) {
        frames.add(FuzzClient.method(channel, new BasicPublish(pick(EXCHANGES), pick(KEYS), r.nextBoolean(),
                r.nextInt(20) == 0)));
        int size = r.nextInt(10) == 0 ? r.nextInt(3 * frameMax) : r.nextInt(300);
        frames.add(header(channel, size, properties()));
        byte[] body = randomBytes(size);
        int maxPayload = frameMax - FrameTypes.FRAME_OVERHEAD;
        for (int off = 0; off < size; off += maxPayload) {
            int len = Math.min(maxPayload, size - off);
            byte[] part = new byte[len];
            System.arraycopy(body, off, part, 0, len);
            frames.add(body(channel, part));
        }
    }

    private AmqpMethod method() {
        switch (r.nextInt(40)) {
            case 0: return new ChannelOpen();
            case 1: return new ChannelClose(200, "bye", 0, 0);
            case 2: return new ChannelCloseOk();
            case 3: return new ChannelFlow(r.nextBoolean());
            case 4: case 5: return new ExchangeDeclare(pick(EXCHANGES), pick(TYPES), r.nextInt(5) == 0,
                    r.nextInt(4) == 0, r.nextBoolean(), r.nextInt(8) == 0, r.nextInt(4) == 0, arguments());
            case 6: return new ExchangeDelete(pick(EXCHANGES), r.nextBoolean(), r.nextInt(4) == 0);
            case 7: return new ExchangeBind(pick(EXCHANGES), pick(EXCHANGES), pick(KEYS), r.nextInt(4) == 0,
                    arguments());
            case 8: return new ExchangeUnbind(pick(EXCHANGES), pick(EXCHANGES), pick(KEYS), r.nextInt(4) == 0,
                    arguments());
            case 9: case 10: case 11: return new QueueDeclare(pick(QUEUES), r.nextInt(5) == 0,
                    r.nextInt(4) == 0, true, r.nextBoolean(), r.nextInt(4) == 0, queueArguments());
            case 12: case 13: return new QueueBind(pick(QUEUES), pick(EXCHANGES), pick(KEYS), r.nextInt(4) == 0,
                    arguments());
            case 14: return new QueueUnbind(pick(QUEUES), pick(EXCHANGES), pick(KEYS), arguments());
            case 15: return new QueuePurge(pick(QUEUES), r.nextInt(4) == 0);
            case 16: return new QueueDelete(pick(QUEUES), r.nextBoolean(), r.nextBoolean(), r.nextInt(4) == 0);
            case 17: return new BasicQos(r.nextInt(3) == 0 ? r.nextInt(100_000) : 0, r.nextInt(65_536),
                    r.nextBoolean());
            case 18: case 19: return new BasicConsume(pick(QUEUES), r.nextBoolean() ? "" : "ctag-" + r.nextInt(4),
                    r.nextBoolean(), r.nextBoolean(), r.nextInt(4) == 0, r.nextInt(4) == 0, arguments());
            case 20: return new BasicCancel("ctag-" + r.nextInt(4), r.nextInt(4) == 0);
            case 21: case 22: return new BasicGet(pick(QUEUES), r.nextBoolean());
            case 23: case 24: return new BasicAck(tag(), r.nextBoolean());
            case 25: return new BasicNack(tag(), r.nextBoolean(), r.nextBoolean());
            case 26: return new BasicReject(tag(), r.nextBoolean());
            case 27: return new BasicRecover(r.nextBoolean());
            case 28: return new BasicRecoverAsync(r.nextBoolean());
            case 29: case 30: return new ConfirmSelect(r.nextInt(4) == 0);
            case 31: return new TxSelect();
            case 32: return new TxCommit();
            case 33: return new TxRollback();
            // methods only the server sends, and connection methods out of place
            case 34: return new BasicDeliver("ctag", tag(), false, "", "k");
            case 35: return new QueueDeclareOk("q", 1, 1);
            case 36: return new ConnectionUpdateSecret("\0guest\0guest".getBytes(StandardCharsets.UTF_8), "fz");
            case 37: return new ConnectionBlocked("fz");
            case 38: return new ConnectionTuneOk(2047, frameMax, 0);
            default: return r.nextBoolean() ? new ConnectionOpen("/") : new ConnectionCloseOk();
        }
    }

    private long tag() {
        int p = r.nextInt(10);
        return p < 6 ? 1 + r.nextInt(20) : p < 8 ? 0 : r.nextLong();
    }

    private Map<String, Object> arguments() {
        if (r.nextInt(3) != 0) {
            return Map.of();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x-match", r.nextBoolean() ? "all" : "any");
        m.put("alternate-exchange", pick(EXCHANGES));
        m.put("x-priority", r.nextInt(20) - 10);
        m.put("nested", Map.of("list", List.of(1, "two", 3.0, new BigDecimal("1.25"), new byte[] {1, 2})));
        return m;
    }

    private Map<String, Object> queueArguments() {
        Map<String, Object> m = new LinkedHashMap<>();
        int p = r.nextInt(10);
        if (p == 0) {
            m.put("x-message-ttl", r.nextInt(1000) - 10);
        } else if (p == 1) {
            m.put("x-max-length", r.nextInt(5) - 1);
            m.put("x-overflow", r.nextBoolean() ? "reject-publish" : "drop-head");
        } else if (p == 2) {
            m.put("x-dead-letter-exchange", pick(EXCHANGES));
            m.put("x-dead-letter-routing-key", pick(KEYS));
        } else if (p == 3) {
            m.put("x-max-priority", r.nextInt(300) - 10);
        } else if (p == 4) {
            m.put("x-expires", r.nextInt(3) == 0 ? "soon" : (Object) (r.nextInt(2000) - 10));
        } else if (p == 5) {
            m.put("x-queue-type", r.nextBoolean() ? "classic" : "quorum");
        }
        return m;
    }

    private BasicProperties properties() {
        if (r.nextInt(3) == 0) {
            return BasicProperties.EMPTY;
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("i", r.nextInt());
        headers.put("s", "v" + r.nextInt(100));
        headers.put("t", Map.of("deep", Map.of("deeper", List.of(true, 1L, 2.5f))));
        headers.put("d", new Date(1_700_000_000_000L));
        return BasicProperties.builder().contentType("text/plain").contentEncoding("utf-8").headers(headers)
                .deliveryMode(1 + r.nextInt(2)).priority(r.nextInt(10)).correlationId("c" + r.nextInt(9))
                .replyTo("fz-q-0").expiration(r.nextInt(4) == 0 ? String.valueOf(r.nextInt(100)) : null)
                .messageId("m" + r.nextInt()).timestamp(new Date(1_700_000_000_000L)).type("fz")
                .userId(r.nextInt(4) == 0 ? "someone-else" : "guest").appId("fuzz").clusterId("c").build();
    }

    private byte[] header(int channel, long bodySize, BasicProperties p) {
        ByteBuf b = Unpooled.buffer(256);
        try {
            ByteBuf body = Unpooled.EMPTY_BUFFER;
            int start = b.writerIndex();
            FrameWriter.writeContent(b, channel, 60, p, body, 0);
            // patch the body size: writeContent wrote an empty body, so only the header frame is there
            b.setLong(start + 7 + 4, bodySize);
            return FuzzClient.bytes(b);
        } finally {
            b.release();
        }
    }

    private static byte[] body(int channel, byte[] payload) {
        byte[] f = new byte[payload.length + FrameTypes.FRAME_OVERHEAD];
        f[0] = FrameTypes.BODY;
        f[1] = (byte) (channel >> 8);
        f[2] = (byte) channel;
        putInt(f, 3, payload.length);
        System.arraycopy(payload, 0, f, 7, payload.length);
        f[f.length - 1] = (byte) FrameTypes.FRAME_END;
        return f;
    }

    private static byte[] heartbeat(int channel) {
        byte[] f = {FrameTypes.HEARTBEAT, (byte) (channel >> 8), (byte) channel, 0, 0, 0, 0,
            (byte) FrameTypes.FRAME_END};
        return f;
    }

    /** A copy of {@code frame} with one mutation. */
    public byte[] mutate(byte[] frame) {
        byte[] f = frame.clone();
        switch (r.nextInt(12)) {
            case 0: case 1: case 2: { // bit flips anywhere
                int flips = 1 + r.nextInt(3);
                for (int i = 0; i < flips; i++) {
                    int pos = r.nextInt(f.length);
                    f[pos] ^= (byte) (1 << r.nextInt(8));
                }
                return f;
            }
            case 3: { // bit flip in the payload only, so the frame still parses
                if (f.length > 8) {
                    int pos = 7 + r.nextInt(f.length - 8);
                    f[pos] ^= (byte) (1 << r.nextInt(8));
                }
                return f;
            }
            case 4: // truncated
                return java.util.Arrays.copyOf(f, r.nextInt(f.length));
            case 5: // size off by a little
                putInt(f, 3, Math.max(0, f.length - 8 + r.nextInt(9) - 4));
                return f;
            case 6: { // huge declared size
                long[] sizes = {0xFFFF_FFFFL, 0x7FFF_FFFFL, frameMax - 8 + 1, frameMax - 8, 1L << 24};
                putInt(f, 3, (int) sizes[r.nextInt(sizes.length)]);
                return f;
            }
            case 7: // wrong frame-end
                f[f.length - 1] = (byte) r.nextInt(256);
                return f;
            case 8: { // random channel
                int ch = r.nextInt(65536);
                f[1] = (byte) (ch >> 8);
                f[2] = (byte) ch;
                return f;
            }
            case 9: // random frame type
                f[0] = (byte) r.nextInt(256);
                return f;
            case 10: { // payload replaced by random bytes of the same length
                for (int i = 7; i < f.length - 1; i++) {
                    f[i] = (byte) r.nextInt(256);
                }
                return f;
            }
            default: { // content header announcing a huge body, or any frame's first field made extreme
                if (f[0] == FrameTypes.HEADER && f.length >= 19) {
                    long[] sizes = {Long.MAX_VALUE, -1L, 128L * 1024 * 1024, 128L * 1024 * 1024 + 1, 1L << 40};
                    long v = sizes[r.nextInt(sizes.length)];
                    for (int i = 0; i < 8; i++) {
                        f[11 + i] = (byte) (v >>> (56 - 8 * i));
                    }
                } else if (f.length > 12) {
                    f[11] = (byte) 0xFF;
                    f[12] = (byte) 0xFF;
                }
                return f;
            }
        }
    }

    /** Random bytes, sometimes starting like a frame so that the decoder gets past the header check. */
    public byte[] randomChunk() {
        byte[] b = randomBytes(1 + r.nextInt(r.nextInt(10) == 0 ? 4000 : 200));
        if (r.nextBoolean() && b.length > 7) {
            int[] types = {1, 2, 3, 8};
            b[0] = (byte) types[r.nextInt(4)];
            b[3] = 0;
            b[4] = 0;
        }
        return b;
    }

    /** Something other than {@code "AMQP" 0 0 9 1} where the protocol header belongs. */
    public byte[] badProtocolHeader() {
        switch (r.nextInt(6)) {
            case 0: return randomBytes(8);
            case 1: return new byte[] {'A', 'M', 'Q', 'P', 1, 1, 0, 9};
            case 2: return new byte[] {'A', 'M', 'Q', 'P', 0, 1, 0, 0};
            case 3: return "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            case 4: return java.util.Arrays.copyOf(FrameTypes.protocolHeader(), r.nextInt(8));
            default: {
                byte[] h = FrameTypes.protocolHeader();
                h[r.nextInt(8)] ^= (byte) (1 << r.nextInt(8));
                return h;
            }
        }
    }

    /** A handshake frame (start-ok, tune-ok, open or a stray method), valid or not, for the pre-open state. */
    public byte[] handshakeFrame() {
        AmqpMethod m;
        switch (r.nextInt(6)) {
            case 0: m = new ConnectionStartOk(Map.of("product", "fz"), pick(new String[] {"PLAIN", "AMQPLAIN",
                "EXTERNAL", ""}), r.nextBoolean() ? "\0guest\0guest".getBytes(StandardCharsets.UTF_8)
                    : randomBytes(r.nextInt(40)), "en_US");
                break;
            case 1: m = new ConnectionTuneOk(r.nextInt(65_536), r.nextInt(4) == 0 ? 0 : r.nextInt(300_000),
                    r.nextInt(3));
                break;
            case 2: m = new ConnectionOpen(pick(new String[] {"/", "", "no-such-vhost"}));
                break;
            case 3: m = new ConnectionClose(200, "bye", 0, 0);
                break;
            case 4: m = new ChannelOpen();
                break;
            default: m = new BasicPublish("", "fz-q-0", false, false);
        }
        byte[] f = FuzzClient.method(r.nextInt(5) == 0 ? 1 : 0, m);
        return r.nextInt(3) == 0 ? mutate(f) : f;
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private <T> T pick(T[] values) {
        return values[r.nextInt(values.length)];
    }

    private static void putInt(byte[] f, int at, int v) {
        if (f.length < at + 4) {
            return;
        }
        f[at] = (byte) (v >>> 24);
        f[at + 1] = (byte) (v >>> 16);
        f[at + 2] = (byte) (v >>> 8);
        f[at + 3] = (byte) v;
    }
}
