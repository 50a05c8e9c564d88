package io.warren.jms.message;

import jakarta.jms.DeliveryMode;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Another provider's message (or destination) as a dynamic proxy: methods answer what the test gave, else a
 * neutral default; every call is recorded.
 */
final class ForeignStub implements InvocationHandler {

    /** An answer computed from the call's arguments. */
    @FunctionalInterface
    interface Answer {
        Object answer(Object[] args) throws Exception;
    }

    final List<String> calls = new ArrayList<>();
    private final Map<String, Answer> answers = new HashMap<>();

    static <T> T of(Class<T> type, ForeignStub stub) {
        return type.cast(Proxy.newProxyInstance(ForeignStub.class.getClassLoader(), new Class<?>[] {type}, stub));
    }

    ForeignStub answer(String method, Answer answer) {
        answers.put(method, answer);
        return this;
    }

    ForeignStub returns(String method, Object value) {
        return answer(method, args -> value);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        calls.add(name);
        Answer a = answers.get(name);
        if (a != null) {
            try {
                return a.answer(args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
        return switch (name) {
            case "getPropertyNames", "getMapNames" -> Collections.emptyEnumeration();
            case "getJMSDeliveryMode" -> DeliveryMode.PERSISTENT;
            case "getJMSPriority" -> 4;
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "toString" -> "foreign " + method.getDeclaringClass().getSimpleName();
            default -> defaultValue(method.getReturnType());
        };
    }

    private static Object defaultValue(Class<?> type) {
        if (!type.isPrimitive() || type == void.class) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        return 0;
    }
}
