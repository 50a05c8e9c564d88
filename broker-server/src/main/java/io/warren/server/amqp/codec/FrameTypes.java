package io.warren.server.amqp.codec;

/**
 * Frame-level constants of AMQP 0-9-1: the frame type octets, the frame-end octet, frame overhead and sizes,
 * and the protocol header a connection opens with. Constants only; thread-safe.
 */
public final class FrameTypes {
    public static final int METHOD = 1;
    public static final int HEADER = 2;
    public static final int BODY = 3;
    public static final int HEARTBEAT = 8;
    public static final int FRAME_END = 0xCE;

    /** Bytes every frame adds to its payload: type, channel, size and frame-end. */
    public static final int FRAME_OVERHEAD = 8;
    /** The frame-max every peer must accept before {@code connection.tune} has been agreed (spec minimum). */
    public static final int MIN_FRAME_MAX = 4096;
    /** Warren's default frame-max, offered in {@code connection.tune}. */
    public static final int DEFAULT_FRAME_MAX = 131072;
    /** Length of the protocol header. */
    public static final int PROTOCOL_HEADER_LENGTH = 8;

    private static final byte[] PROTOCOL_HEADER = {'A', 'M', 'Q', 'P', 0, 0, 9, 1};

    private FrameTypes() {
    }

    /** A fresh copy of the protocol header for 0-9-1: {@code "AMQP" 0 0 9 1}. */
    public static byte[] protocolHeader() {
        return PROTOCOL_HEADER.clone();
    }

    /** Whether {@code type} is one of the four frame types 0-9-1 defines. */
    public static boolean isKnown(int type) {
        return type == METHOD || type == HEADER || type == BODY || type == HEARTBEAT;
    }

    /** A frame type's name for messages, such as {@code "METHOD"}. */
    public static String name(int type) {
        switch (type) {
            case METHOD: return "METHOD";
            case HEADER: return "HEADER";
            case BODY: return "BODY";
            case HEARTBEAT: return "HEARTBEAT";
            default: return "UNKNOWN_" + type;
        }
    }
}
