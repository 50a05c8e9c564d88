package io.warren.jms.message;

/**
 * The broker message {@code contentType} values that name the JMS body type of a message. A broker message whose
 * content type is none of these was published by a non-JMS client: a {@code text/*} type is received as a
 * {@link jakarta.jms.TextMessage}, anything else as a {@link jakarta.jms.BytesMessage} holding the raw body.
 */
public final class ContentTypes {
    /** A plain {@link jakarta.jms.Message}: no body. */
    public static final String MESSAGE = "jms/message";
    /** A {@link jakarta.jms.TextMessage}: the text as UTF-8. */
    public static final String TEXT = "jms/text";
    /**
     * A {@link jakarta.jms.TextMessage} whose text is null, told apart from the empty string (both have an empty
     * body).
     */
    public static final String TEXT_NULL = "jms/text; body=null";
    /** A {@link jakarta.jms.BytesMessage}: the bytes as they are. */
    public static final String BYTES = "jms/bytes";
    /** A {@link jakarta.jms.MapMessage}: the entries encoded as a typed map. */
    public static final String MAP = "jms/map";
    /** An {@link jakarta.jms.ObjectMessage}: the object in Java serialisation form; an empty body is a null object. */
    public static final String OBJECT = "jms/object";
    /** A {@link jakarta.jms.StreamMessage}: the values encoded as a typed list. */
    public static final String STREAM = "jms/stream";

    private ContentTypes() {
    }
}
