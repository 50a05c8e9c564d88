package io.warren.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.ObjectMessage;
import java.io.Serializable;
import java.util.Objects;

/**
 * Warren's {@link ObjectMessage}. {@link #setObject} serialises at once, so later changes to the object do not
 * change the message, and the serialised form is what is sent. Each {@link #getObject()} deserialises a fresh copy.
 *
 * <p>A body that came from the broker is deserialised only into classes its {@link ObjectMessagePolicy} trusts
 * (the connection's {@value ObjectMessagePolicy#OPTION} option); a body set in this JVM may hold any class. Either
 * way the object graph must keep within the policy's {@link ObjectLimits} (depth, objects, arrays), and a graph
 * that cannot be serialised or deserialised fails with {@link jakarta.jms.MessageFormatException}.
 */
public final class WarrenObjectMessage extends WarrenMessage implements ObjectMessage {
    private ObjectMessagePolicy policy;
    private byte[] serialized;
    private boolean setHere;

    /** An empty, writable object message that trusts the {@linkplain ObjectMessagePolicy#defaults() defaults}. */
    public WarrenObjectMessage() {
        this(ObjectMessagePolicy.defaults());
    }

    /** An empty, writable object message restricted by {@code policy} once it holds a body from the broker. */
    public WarrenObjectMessage(ObjectMessagePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The policy that restricts deserialisation of a body from the broker. */
    public ObjectMessagePolicy policy() {
        return policy;
    }

    /** Replaces the policy (the session sets the connection's on the messages it creates). */
    public void setPolicy(ObjectMessagePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public void setObject(Serializable object) throws JMSException {
        checkBodyWritable();
        serialized = object == null ? null : ObjectSerialization.serialize(object);
        setHere = true;
    }

    @Override
    public Serializable getObject() throws JMSException {
        if (serialized == null) {
            return null;
        }
        return ObjectSerialization.deserialize(serialized, policy, !setHere);
    }

    /** A fresh copy of the object, or null without one whatever {@code c} is; else {@code c} must accept it. */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        Serializable o = getObject();
        if (o == null) {
            return null;
        }
        if (c == null || !c.isInstance(o)) {
            throw notAssignable("a " + o.getClass().getName(), c);
        }
        return c.cast(o);
    }

    /** Whether {@link #getBody} would succeed; false when the object cannot be deserialised. */
    @Override
    public boolean isBodyAssignableTo(@SuppressWarnings("rawtypes") Class c) {
        try {
            Serializable o = getObject();
            return o == null || (c != null && c.isInstance(o));
        } catch (JMSException e) {
            return false;
        }
    }

    @Override
    void clearBodyContent() {
        serialized = null;
        setHere = false;
    }

    @Override
    String contentType() {
        return ContentTypes.OBJECT;
    }

    @Override
    byte[] bodyForSend() {
        return serialized == null ? EMPTY : serialized;
    }

    @Override
    void receiveBody(byte[] body) {
        serialized = body.length == 0 ? null : body;
        setHere = false;
    }
}
