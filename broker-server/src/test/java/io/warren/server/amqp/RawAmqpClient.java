package io.warren.server.amqp;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A hand-driven AMQP 0-9-1 client over a plain socket, for protocol violations RabbitMQ's client will not
 * commit: it does the handshake (PLAIN guest/guest) by hand and then writes whatever frames a test asks for.
 * Reads block for at most five seconds.
 */
final class RawAmqpClient implements AutoCloseable {
    static final byte[] AMQP_0_9_1 = {'A', 'M', 'Q', 'P', 0, 0, 9, 1};
    static final int METHOD = 1;
    static final int HEADER = 2;
    static final int BODY = 3;
    static final int HEARTBEAT = 8;

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    /** A frame as read from the server. */
    record Frame(int type, int channel, byte[] payload) {
        int classId() {
            return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }

        int methodId() {
            return ((payload[2] & 0xFF) << 8) | (payload[3] & 0xFF);
        }

        boolean isMethod(int cls, int method) {
            return type == METHOD && classId() == cls && methodId() == method;
        }

        /** The reply code of a connection.close or channel.close (the first argument). */
        int replyCode() {
            return ((payload[4] & 0xFF) << 8) | (payload[5] & 0xFF);
        }
    }

    private RawAmqpClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(5_000);
        socket.setTcpNoDelay(true);
        this.in = new DataInputStream(socket.getInputStream());
        this.out = new DataOutputStream(socket.getOutputStream());
    }

    static RawAmqpClient connect(int port) throws IOException {
        return new RawAmqpClient(new Socket("127.0.0.1", port));
    }

    /** Connects and completes the handshake with the given tune-ok values, up to connection.open-ok. */
    static RawAmqpClient open(int port, int channelMax, int frameMax, int heartbeat) throws IOException {
        RawAmqpClient c = connect(port);
        c.handshake(channelMax, frameMax, heartbeat);
        return c;
    }

    void handshake(int channelMax, int frameMax, int heartbeat) throws IOException {
        sendRaw(AMQP_0_9_1);
        awaitMethod(10, 10); // start
        sendMethod(0, 10, 11, new Args().emptyTable().shortStr("PLAIN")
                .longStr("\0guest\0guest".getBytes(StandardCharsets.UTF_8)).shortStr("en_US").bytes());
        awaitMethod(10, 30); // tune
        sendMethod(0, 10, 31, new Args().shortInt(channelMax).longInt(frameMax).shortInt(heartbeat).bytes());
        sendMethod(0, 10, 40, new Args().shortStr("/").shortStr("").octet(0).bytes());
        awaitMethod(10, 41); // open-ok
    }

    void openChannel(int channel) throws IOException {
        sendMethod(channel, 20, 10, new Args().shortStr("").bytes());
        awaitMethod(20, 11);
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void sendFrame(int type, int channel, byte[] payload) throws IOException {
        out.writeByte(type);
        out.writeShort(channel);
        out.writeInt(payload.length);
        out.write(payload);
        out.writeByte(0xCE);
        out.flush();
    }

    void sendMethod(int channel, int classId, int methodId, byte[] arguments) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.writeShort(classId);
        d.writeShort(methodId);
        d.write(arguments);
        sendFrame(METHOD, channel, b.toByteArray());
    }

    void sendHeartbeat() throws IOException {
        sendFrame(HEARTBEAT, 0, new byte[0]);
    }

    /** The next frame, or null at end of stream. */
    Frame readFrame() throws IOException {
        int type;
        try {
            type = in.read();
        } catch (SocketException e) {
            return null; // reset by the peer: closed
        }
        if (type < 0) {
            return null;
        }
        int channel = in.readUnsignedShort();
        int size = in.readInt();
        byte[] payload = new byte[size];
        in.readFully(payload);
        int end = in.readUnsignedByte();
        if (end != 0xCE) {
            throw new IOException("bad frame end " + end);
        }
        return new Frame(type, channel, payload);
    }

    /** Reads until the given method arrives (skipping heartbeats and anything else). */
    Frame awaitMethod(int classId, int methodId) throws IOException {
        while (true) {
            Frame f = readFrame();
            if (f == null) {
                throw new EOFException("socket closed while waiting for method " + classId + "/" + methodId);
            }
            if (f.isMethod(classId, methodId)) {
                return f;
            }
        }
    }

    /** Reads until the server's connection.close, answers close-ok and returns its reply code. */
    int awaitConnectionClose() throws IOException {
        Frame close = awaitMethod(10, 50);
        sendMethod(0, 10, 51, new byte[0]);
        return close.replyCode();
    }

    /** Reads until the server closes the socket; fails if it stays open for five seconds. */
    void awaitEndOfStream() throws IOException {
        try {
            while (readFrame() != null) {
                // skip whatever is still on the way
            }
        } catch (EOFException | SocketException e) {
            // closed mid-frame or reset: closed all the same
        } catch (SocketTimeoutException e) {
            throw new AssertionError("server did not close the socket", e);
        }
    }

    /** Reads raw bytes until end of stream. */
    byte[] readAllBytes() throws IOException {
        return in.readAllBytes();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Encodes method arguments field by field. */
    static final class Args {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        Args octet(int v) throws IOException {
            out.writeByte(v);
            return this;
        }

        Args shortInt(int v) throws IOException {
            out.writeShort(v);
            return this;
        }

        Args longInt(int v) throws IOException {
            out.writeInt(v);
            return this;
        }

        Args longLong(long v) throws IOException {
            out.writeLong(v);
            return this;
        }

        Args shortStr(String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeByte(b.length);
            out.write(b);
            return this;
        }

        Args longStr(byte[] b) throws IOException {
            out.writeInt(b.length);
            out.write(b);
            return this;
        }

        Args emptyTable() throws IOException {
            out.writeInt(0);
            return this;
        }

        /** Packed bits, first argument in the lowest bit. */
        Args bits(boolean... flags) throws IOException {
            int v = 0;
            for (int i = 0; i < flags.length; i++) {
                if (flags[i]) {
                    v |= 1 << i;
                }
            }
            out.writeByte(v);
            return this;
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
