package io.warren.jms.message;

import jakarta.jms.MessageFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

/**
 * Java serialisation of {@code ObjectMessage} bodies, with deserialisation restricted by a policy: its trusted classes
 * and its {@link ObjectLimits}. Every failure, a {@link StackOverflowError} of a too deeply nested graph included, is a
 * {@link MessageFormatException} saying what was wrong.
 */
final class ObjectSerialization {
    private ObjectSerialization() {
    }

    static byte[] serialize(Serializable object) throws MessageFormatException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (IOException e) {
            throw format("the object of an ObjectMessage could not be serialised: " + e, e);
        } catch (StackOverflowError e) {
            // Java serialisation recurses once per nested object: the graph is deeper than this thread's stack.
            throw format("the object of an ObjectMessage could not be serialised: its " + object.getClass().getName()
                    + " holds objects nested too deeply for the thread's stack (a StackOverflowError); flatten it,"
                    + " or send it in another form", null);
        }
        return bytes.toByteArray();
    }

    /**
     * Deserialises {@code body} within the policy's {@link ObjectLimits}; with {@code checkClasses} only into classes
     * the policy trusts (for bodies from the broker), without it into any class the process-wide filter allows (for
     * bodies this JVM serialised itself).
     */
    static Serializable deserialize(byte[] body, ObjectMessagePolicy policy, boolean checkClasses)
            throws MessageFormatException {
        TrustedClassFilter classes = checkClasses ? new TrustedClassFilter(policy) : null;
        GraphLimitsFilter filter = new GraphLimitsFilter(policy.limits(), body.length,
                classes != null ? classes : ObjectInputFilter.Config.getSerialFilter());
        try (ObjectInputStream in = new ContextObjectInputStream(new ByteArrayInputStream(body))) {
            in.setObjectInputFilter(filter);
            Object o = in.readObject();
            if (!(o instanceof Serializable s)) {
                throw format("the body of an ObjectMessage is not a Serializable object", null);
            }
            return s;
        } catch (InvalidClassException e) {
            if (filter.exceeded() != null) {
                throw format("the object of this ObjectMessage was not deserialised: " + filter.exceeded(), e);
            }
            if (classes != null && classes.rejected() != null) {
                throw untrusted(classes.rejected(), policy, e);
            }
            throw format("the object of an ObjectMessage could not be deserialised: " + e, e);
        } catch (ClassNotFoundException e) {
            throw format("the object of an ObjectMessage could not be deserialised: class " + e.getMessage()
                    + " is not on the class path of the thread context or provider class loader", e);
        } catch (IOException | RuntimeException e) {
            throw format("the object of an ObjectMessage could not be deserialised: " + e, e);
        } catch (StackOverflowError e) {
            throw format("the object of this ObjectMessage was not deserialised: its objects are nested too deeply"
                    + " for the thread's stack (a StackOverflowError); lower maxdepth in the " + ObjectLimits.OPTION
                    + " option of the connection factory (now " + policy.limits().toOption() + ")", null);
        }
    }

    private static MessageFormatException untrusted(String className, ObjectMessagePolicy policy, Exception cause) {
        int dot = className.lastIndexOf('.');
        String pkg = dot < 0 ? className : className.substring(0, dot);
        return format("the object of this ObjectMessage contains class " + className
                + ", which is not in a trusted package, so it was not deserialised: add '" + pkg
                + "' to the " + ObjectMessagePolicy.OPTION + " option of the connection factory (trusted now: "
                + policy.trustedPackages() + ")", cause);
    }

    private static MessageFormatException format(String message, Exception cause) {
        MessageFormatException e = new MessageFormatException(message);
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    /** Resolves classes through the thread context class loader, then the provider's own. */
    private static final class ContextObjectInputStream extends ObjectInputStream {
        ContextObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != null) {
                try {
                    return Class.forName(desc.getName(), false, context);
                } catch (ClassNotFoundException notThere) {
                    // fall through to the provider's loader
                }
            }
            try {
                return Class.forName(desc.getName(), false, ObjectSerialization.class.getClassLoader());
            } catch (ClassNotFoundException notThere) {
                return super.resolveClass(desc); // primitive types, and the JDK's default lookup
            }
        }
    }
}
