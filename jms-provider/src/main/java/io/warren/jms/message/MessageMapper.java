package io.warren.jms.message;

import io.warren.jms.transport.Delivery;
import io.warren.message.Message;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps JMS messages to the broker's {@link Message} and back.
 *
 * <table>
 * <caption>JMS header fields and the broker message</caption>
 * <tr><th>JMS</th><th>broker message</th></tr>
 * <tr><td>JMSMessageID, JMSTimestamp, JMSType</td><td>messageId, timestamp, type</td></tr>
 * <tr><td>JMSCorrelationID</td><td>correlationId; a byte[] one as {@code ID:bytes:} and hex</td></tr>
 * <tr><td>JMSReplyTo</td><td>replyTo as {@code queue://}, {@code topic://}, {@code temp-queue://},
 * {@code temp-topic://} URI; another provider's queue or topic by its name, any other destination is dropped</td></tr>
 * <tr><td>JMSDeliveryMode, JMSPriority</td><td>persistent, priority</td></tr>
 * <tr><td>JMSExpiration, JMSDeliveryTime</td><td>expiration, deliveryTime (absolute, 0 for none)</td></tr>
 * <tr><td>JMSXUserID, JMSXAppID</td><td>userId, appId</td></tr>
 * <tr><td>properties</td><td>headers, same types; null-valued properties are not sent</td></tr>
 * <tr><td>body type</td><td>contentType, see {@link ContentTypes}</td></tr>
 * <tr><td>JMSDestination (received)</td><td>derived from exchange and routing key</td></tr>
 * <tr><td>JMSRedelivered, JMSXDeliveryCount (received)</td><td>from the {@link Delivery}</td></tr>
 * </table>
 *
 * <p>A Warren message is mapped from its fields without copying or re-encoding more than needed: a received
 * message forwarded unchanged keeps its body bytes. A message of another provider is read through the JMS API;
 * for a {@code BytesMessage} or {@code StreamMessage} that means {@code reset()} is called on it, which leaves it
 * read-only and rewound.
 */
public final class MessageMapper {
    /** Routing keys (queue names) of temporary queues start with this. */
    public static final String TEMP_QUEUE_PREFIX = "warren.temp-queue.";
    /** Routing keys of temporary topics on {@code amq.topic} start with this. */
    public static final String TEMP_TOPIC_PREFIX = "warren.temp-topic.";

    private MessageMapper() {
    }

    // ---- JMS -> broker ----

    /**
     * The broker message for {@code jms}, Warren's or another provider's, to publish to {@code exchange} with
     * {@code routingKey}. The returned message does not change when {@code jms} is changed afterwards.
     *
     * @param origin the id of the publishing connection (for no-local consumers); may be null
     * @throws MessageFormatException if a property or body value cannot travel, or a header is out of range
     */
    public static Message toBroker(jakarta.jms.Message jms, String exchange, String routingKey, String origin)
            throws JMSException {
        Message.Builder b = Message.builder().exchange(exchange).routingKey(routingKey).origin(origin);
        try {
            if (jms instanceof WarrenMessage w) {
                copyWarren(w, b);
            } else {
                copyForeign(jms, b);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            MessageFormatException mfe = new MessageFormatException("the message cannot be sent: " + e.getMessage());
            mfe.initCause(e);
            throw mfe;
        }
    }

    private static void copyWarren(WarrenMessage w, Message.Builder b) throws JMSException {
        copyHeaders(w, b);
        b.userId(w.userId()).appId(w.appId());
        Map<String, Object> properties = w.propertyMap();
        if (!properties.isEmpty()) {
            b.headers(properties);
        }
        b.contentType(w.contentType()).body(w.bodyForSend());
    }

    private static void copyHeaders(jakarta.jms.Message m, Message.Builder b) throws JMSException {
        b.messageId(m.getJMSMessageID())
                .timestamp(m.getJMSTimestamp())
                .correlationId(m.getJMSCorrelationID())
                .replyTo(Destinations.toUri(m.getJMSReplyTo()))
                .type(m.getJMSType())
                .persistent(m.getJMSDeliveryMode() == DeliveryMode.PERSISTENT)
                .priority(m.getJMSPriority())
                .expiration(m.getJMSExpiration())
                .deliveryTime(m.getJMSDeliveryTime());
    }

    private static void copyForeign(jakarta.jms.Message m, Message.Builder b) throws JMSException {
        copyHeaders(m, b);
        if (m.getJMSCorrelationID() == null) {
            b.correlationId(foreignBytesCorrelationId(m));
        }
        copyForeignProperties(m, b);
        copyForeignBody(m, b);
    }

    private static String foreignBytesCorrelationId(jakarta.jms.Message m) {
        try {
            return CorrelationIds.fromBytes(m.getJMSCorrelationIDAsBytes());
        } catch (JMSException | UnsupportedOperationException unsupported) {
            return null;
        }
    }

    private static void copyForeignProperties(jakarta.jms.Message m, Message.Builder b) throws JMSException {
        Enumeration<?> names = m.getPropertyNames();
        while (names.hasMoreElements()) {
            String name = (String) names.nextElement();
            Object value = m.getObjectProperty(name);
            switch (name) {
                case PropertyNames.JMSX_DELIVERY_COUNT -> {
                    // set by the receiving provider
                }
                case PropertyNames.JMSX_USER_ID -> b.userId(value == null ? null : value.toString());
                case PropertyNames.JMSX_APP_ID -> b.appId(value == null ? null : value.toString());
                default -> {
                    if (value != null && !TypeConversions.isPropertyType(value)) {
                        throw new MessageFormatException("property '" + name + "' has a value of type "
                                + value.getClass().getName() + ", which is not a JMS property type");
                    }
                    b.header(name, value);
                }
            }
        }
    }

    private static void copyForeignBody(jakarta.jms.Message m, Message.Builder b) throws JMSException {
        if (m instanceof TextMessage t) {
            String text = t.getText();
            b.contentType(text == null ? ContentTypes.TEXT_NULL : ContentTypes.TEXT)
                    .body(text == null ? null : text.getBytes(StandardCharsets.UTF_8));
        } else if (m instanceof BytesMessage bm) {
            bm.reset();
            byte[] body = new byte[Math.toIntExact(bm.getBodyLength())];
            if (body.length > 0) {
                bm.readBytes(body);
            }
            bm.reset();
            b.contentType(ContentTypes.BYTES).body(body);
        } else if (m instanceof MapMessage mm) {
            Map<String, Object> map = new LinkedHashMap<>();
            Enumeration<?> names = mm.getMapNames();
            while (names.hasMoreElements()) {
                String name = (String) names.nextElement();
                map.put(name, checkBodyValue(mm.getObject(name), "MapMessage item '" + name + "'"));
            }
            b.contentType(ContentTypes.MAP).body(map.isEmpty() ? null : BodyCodec.encodeMap(map));
        } else if (m instanceof ObjectMessage om) {
            Serializable o = om.getObject();
            b.contentType(ContentTypes.OBJECT).body(o == null ? null : ObjectSerialization.serialize(o));
        } else if (m instanceof StreamMessage sm) {
            b.contentType(ContentTypes.STREAM).body(readForeignStream(sm));
        } else {
            b.contentType(ContentTypes.MESSAGE);
        }
    }

    private static byte[] readForeignStream(StreamMessage sm) throws JMSException {
        sm.reset();
        List<Object> values = new ArrayList<>();
        while (true) {
            try {
                values.add(checkBodyValue(sm.readObject(), "StreamMessage value " + values.size()));
            } catch (MessageEOFException end) {
                break;
            }
        }
        sm.reset();
        return values.isEmpty() ? null : BodyCodec.encodeStream(values);
    }

    private static Object checkBodyValue(Object v, String what) throws MessageFormatException {
        if (v != null && !TypeConversions.isBodyValueType(v)) {
            throw new MessageFormatException(what + " has a value of type " + v.getClass().getName()
                    + ", which a JMS message body cannot hold");
        }
        return v;
    }

    // ---- broker -> JMS ----

    /**
     * The JMS message for a delivery: read-only properties and body, decoded on first use;
     * {@code JMSRedelivered} and {@code JMSXDeliveryCount} from the delivery.
     *
     * @param policy the classes an {@code ObjectMessage} body may deserialise into
     */
    public static WarrenMessage fromBroker(Delivery delivery, ObjectMessagePolicy policy) {
        WarrenMessage w = fromBroker(delivery.message(), policy);
        w.setJMSRedelivered(delivery.redelivered());
        w.setDeliveryCount(delivery.deliveryCount());
        return w;
    }

    /**
     * The JMS message for a broker message seen without a delivery (a queue browser): as a first delivery shows it,
     * {@code JMSRedelivered} false and {@code JMSXDeliveryCount} 1.
     */
    public static WarrenMessage fromBroker(Message m, ObjectMessagePolicy policy) {
        WarrenMessage w = withBody(m, policy);
        w.setBodyReadOnly(true);
        w.adoptProperties(MessageProperties.received(m.headers()));
        w.setJMSMessageID(m.messageId());
        w.setJMSTimestamp(m.timestamp());
        w.setJMSCorrelationID(m.correlationId());
        w.setJMSReplyTo(Destinations.fromUri(m.replyTo()));
        w.setJMSDestination(Destinations.published(m.exchange(), m.routingKey()));
        w.setJMSDeliveryMode(m.persistent() ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT);
        w.setJMSType(m.type());
        w.setJMSPriority(m.priority());
        w.setJMSExpiration(m.expiration());
        // a message sent without delay (or from a non-JMS client) was deliverable from the moment it was sent
        w.setJMSDeliveryTime(m.deliveryTime() != 0 ? m.deliveryTime() : m.timestamp());
        w.setUserId(m.userId());
        w.setAppId(m.appId());
        w.setDeliveryCount(1);
        return w;
    }

    private static WarrenMessage withBody(Message m, ObjectMessagePolicy policy) {
        String contentType = m.contentType();
        byte[] body = m.body();
        if (contentType == null) {
            return bytes(body);
        }
        switch (contentType) {
            case ContentTypes.TEXT -> {
                WarrenTextMessage t = new WarrenTextMessage();
                t.receiveBody(body);
                return t;
            }
            case ContentTypes.TEXT_NULL -> {
                WarrenTextMessage t = new WarrenTextMessage();
                t.receiveNullText();
                return t;
            }
            case ContentTypes.BYTES -> {
                return bytes(body);
            }
            case ContentTypes.MAP -> {
                WarrenMapMessage mm = new WarrenMapMessage();
                mm.receiveBody(body);
                return mm;
            }
            case ContentTypes.STREAM -> {
                WarrenStreamMessage s = new WarrenStreamMessage();
                s.receiveBody(body);
                return s;
            }
            case ContentTypes.OBJECT -> {
                WarrenObjectMessage o = new WarrenObjectMessage(policy == null ? ObjectMessagePolicy.defaults() : policy);
                o.receiveBody(body);
                return o;
            }
            case ContentTypes.MESSAGE -> {
                return new WarrenMessage();
            }
            default -> {
                if (contentType.regionMatches(true, 0, "text/", 0, 5)) {
                    WarrenTextMessage t = new WarrenTextMessage();
                    t.receiveBody(body, charsetOf(contentType));
                    return t;
                }
                return bytes(body);
            }
        }
    }

    private static WarrenBytesMessage bytes(byte[] body) {
        WarrenBytesMessage b = new WarrenBytesMessage();
        b.receiveBody(body);
        return b;
    }

    /** The {@code charset} parameter of a MIME type, UTF-8 when absent or unknown. */
    static Charset charsetOf(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = p.substring("charset=".length()).strip();
                if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                    name = name.substring(1, name.length() - 1);
                }
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException unknown) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
