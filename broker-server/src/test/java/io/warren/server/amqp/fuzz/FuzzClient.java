package io.warren.server.amqp.fuzz;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.warren.server.amqp.codec.FrameTypes;
import io.warren.server.amqp.method.FrameWriter;
import io.warren.server.amqp.method.AmqpMethod;
import io.warren.server.amqp.method.ConnectionClose;
import io.warren.server.amqp.method.ConnectionCloseOk;
import io.warren.server.amqp.method.ConnectionOpen;
import io.warren.server.amqp.method.ConnectionOpenOk;
import io.warren.server.amqp.method.ConnectionStart;
import io.warren.server.amqp.method.ConnectionStartOk;
import io.warren.server.amqp.method.ConnectionTune;
import io.warren.server.amqp.method.ConnectionTuneOk;
import io.warren.server.amqp.method.MethodCodec;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A hand-rolled AMQP 0-9-1 client over a plain blocking socket, for sending bytes no real client would send.
 * It performs the handshake itself (PLAIN as guest, heartbeats off), then writes whatever it is given and reads
 * until the server closes the socket, answering {@code connection.close} with {@code close-ok} like a real
 * client. Every read is bounded by the deadline given; one instance per thread.
 */
public final class FuzzClient implements AutoCloseable {
    /** How a connection ended, seen from the client. */
    public enum Ending { SERVER_CLOSED, TIMED_OUT }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private int frameMax = FrameTypes.MIN_FRAME_MAX;
    private boolean outputShut;
    private int serverCloseCode;

    private FuzzClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    public static FuzzClient connect(int port, int timeoutMillis) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setSoTimeout(timeoutMillis);
            s.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            return new FuzzClient(s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** Header, start-ok, tune-ok, open "/": the connection is open afterwards. */
    public void handshake() throws IOException {
        write(FrameTypes.protocolHeader());
        expect(ConnectionStart.class);
        write(method(0, new ConnectionStartOk(Map.of("product", "fuzz"), "PLAIN",
                "\0guest\0guest".getBytes(StandardCharsets.UTF_8), "en_US")));
        ConnectionTune tune = expect(ConnectionTune.class);
        frameMax = (int) tune.frameMax();
        write(method(0, new ConnectionTuneOk(tune.channelMax(), tune.frameMax(), 0)));
        write(method(0, new ConnectionOpen("/")));
        expect(ConnectionOpenOk.class);
    }

    /** The frame-max the server offered in {@code connection.tune}. */
    public int frameMax() {
        return frameMax;
    }

    /** The reply code of the server's {@code connection.close}, or 0 when none was seen. */
    public int serverCloseCode() {
        return serverCloseCode;
    }

    /** Sends bytes that must arrive (the server is expected to be reading). */
    public void send(byte[] bytes) throws IOException {
        write(bytes);
    }

    /** Reads frames until a method frame, which must be of {@code type}; heartbeats and content are skipped. */
    public <T extends AmqpMethod> T expect(Class<T> type) throws IOException {
        while (true) {
            int frameType = in.readUnsignedByte();
            in.readUnsignedShort();
            int size = in.readInt();
            byte[] payload = new byte[size];
            in.readFully(payload);
            in.readUnsignedByte();
            if (frameType != FrameTypes.METHOD) {
                continue;
            }
            AmqpMethod m = decode(payload);
            if (type.isInstance(m)) {
                return type.cast(m);
            }
            throw new IOException("expected " + type.getSimpleName() + " during the handshake, got " + m);
        }
    }

    /** Writes bytes, ignoring that the server may already have closed (a reset is an expected outcome here). */
    public void writeQuietly(byte[] bytes) {
        try {
            write(bytes);
        } catch (IOException e) {
            // the server closed the connection earlier in the stream; what follows is rightly never read
        }
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends FIN: the server sees end-of-stream after everything written so far. */
    public void shutdownOutput() {
        if (outputShut) {
            return;
        }
        outputShut = true;
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            // already closed by the server
        }
    }

    /**
     * Reads until the server closes the socket or {@code deadlineNanos} ({@link System#nanoTime()}) passes.
     * With {@code parseFrames} the stream is read as frames and a {@code connection.close} is answered; without
     * it bytes are discarded. {@code finGraceNanos} after the call starts the client sends FIN, so a server
     * waiting for the rest of a truncated frame sees the end of the stream.
     */
    public Ending readUntilClosed(long deadlineNanos, boolean parseFrames, long finGraceNanos) {
        long fin = System.nanoTime() + finGraceNanos;
        try {
            socket.setSoTimeout(50);
        } catch (IOException e) {
            return Ending.SERVER_CLOSED;
        }
        FrameReader reader = new FrameReader();
        byte[] buf = new byte[8192];
        while (true) {
            long now = System.nanoTime();
            if (now - deadlineNanos > 0) {
                return Ending.TIMED_OUT;
            }
            if (now - fin > 0) {
                shutdownOutput();
            }
            int n;
            try {
                n = in.read(buf);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                return Ending.SERVER_CLOSED; // reset
            }
            if (n < 0) {
                return Ending.SERVER_CLOSED;
            }
            if (parseFrames) {
                reader.feed(buf, n);
            }
        }
    }

    /** Incremental parser of the server's frames; answers connection.close. */
    private final class FrameReader {
        private byte[] pending = new byte[0];

        void feed(byte[] buf, int n) {
            byte[] all = new byte[pending.length + n];
            System.arraycopy(pending, 0, all, 0, pending.length);
            System.arraycopy(buf, 0, all, pending.length, n);
            int pos = 0;
            while (true) {
                if (all.length - pos >= 8 && all[pos] == 'A' && all[pos + 1] == 'M') {
                    pos += 8; // the server's protocol header after a bad one of ours
                    continue;
                }
                if (all.length - pos < 7) {
                    break;
                }
                int type = all[pos] & 0xFF;
                long size = ((all[pos + 3] & 0xFFL) << 24) | ((all[pos + 4] & 0xFF) << 16)
                        | ((all[pos + 5] & 0xFF) << 8) | (all[pos + 6] & 0xFF);
                if (size > Integer.MAX_VALUE - 16) {
                    throw new IllegalStateException("server sent a frame of " + size + " bytes");
                }
                if (all.length - pos < 8 + size) {
                    break;
                }
                if (type == FrameTypes.METHOD && size >= 4) {
                    byte[] payload = new byte[(int) size];
                    System.arraycopy(all, pos + 7, payload, 0, (int) size);
                    AmqpMethod m = decode(payload);
                    if (m instanceof ConnectionClose close) {
                        serverCloseCode = close.replyCode();
                        if (!outputShut) {
                            writeQuietly(method(0, new ConnectionCloseOk()));
                        }
                    }
                }
                pos += 8 + (int) size;
            }
            pending = java.util.Arrays.copyOfRange(all, pos, all.length);
        }
    }

    private static AmqpMethod decode(byte[] payload) {
        ByteBuf b = Unpooled.wrappedBuffer(payload);
        try {
            return MethodCodec.decode(b);
        } finally {
            b.release();
        }
    }

    /** One method frame as bytes. */
    public static byte[] method(int channel, AmqpMethod m) {
        ByteBuf b = Unpooled.buffer(256);
        try {
            FrameWriter.writeMethod(b, channel, m);
            return bytes(b);
        } finally {
            b.release();
        }
    }

    static byte[] bytes(ByteBuf b) {
        byte[] a = new byte[b.readableBytes()];
        b.readBytes(a);
        return a;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
