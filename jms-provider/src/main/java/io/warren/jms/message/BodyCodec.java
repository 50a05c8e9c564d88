package io.warren.jms.message;

import io.warren.message.ByteReader;
import io.warren.message.ByteWriter;
import io.warren.message.CorruptDataException;
import io.warren.message.ValueCodec;
import jakarta.jms.MessageFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The broker body of {@code MapMessage} (a typed map) and {@code StreamMessage} (a typed list). */
final class BodyCodec {
    private BodyCodec() {
    }

    static byte[] encodeMap(Map<String, Object> map) {
        ByteWriter w = new ByteWriter(16 + 24 * map.size());
        ValueCodec.writeMap(w, map);
        return w.toByteArray();
    }

    static Map<String, Object> decodeMap(byte[] body) throws MessageFormatException {
        if (body.length == 0) {
            return new LinkedHashMap<>();
        }
        try {
            return ValueCodec.readMap(new ByteReader(body));
        } catch (CorruptDataException | ClassCastException e) {
            throw corrupt("MapMessage", e);
        }
    }

    static byte[] encodeStream(List<Object> values) {
        ByteWriter w = new ByteWriter(16 + 16 * values.size());
        ValueCodec.writeValue(w, values);
        return w.toByteArray();
    }

    static List<Object> decodeStream(byte[] body) throws MessageFormatException {
        if (body.length == 0) {
            return new ArrayList<>();
        }
        try {
            Object v = ValueCodec.readValue(new ByteReader(body));
            if (!(v instanceof List<?>)) {
                throw new CorruptDataException("the body is a " + TypeConversions.typeName(v) + ", not a list");
            }
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) v;
            return list;
        } catch (CorruptDataException e) {
            throw corrupt("StreamMessage", e);
        }
    }

    private static MessageFormatException corrupt(String kind, RuntimeException e) {
        MessageFormatException mfe = new MessageFormatException("the body of this " + kind
                + " cannot be decoded: " + e.getMessage());
        mfe.initCause(e);
        return mfe;
    }
}
