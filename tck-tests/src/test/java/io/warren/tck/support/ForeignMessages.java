package io.warren.tck.support;

import jakarta.jms.TextMessage;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link TextMessage} implemented by the test, not by the provider: specification section 3.12 says "A provider must
 * be prepared to accept, from a client, a message whose implementation is not one of its own". Headers and properties
 * live in maps; property getters do no conversion beyond what the tests need (the provider reads them as objects).
 */
public final class ForeignMessages {

    private ForeignMessages() {
    }

    public static TextMessage text(String body) {
        Handler handler = new Handler();
        handler.text = body;
        return (TextMessage) Proxy.newProxyInstance(ForeignMessages.class.getClassLoader(),
                new Class<?>[] {TextMessage.class}, handler);
    }

    private static final class Handler implements InvocationHandler {
        private final Map<String, Object> headers = new HashMap<>();
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private String text;

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            String name = method.getName();
            switch (name) {
                case "getText":
                    return text;
                case "setText":
                    text = (String) args[0];
                    return null;
                case "clearBody":
                    text = null;
                    return null;
                case "clearProperties":
                    properties.clear();
                    return null;
                case "getPropertyNames":
                    return Collections.enumeration(properties.keySet());
                case "propertyExists":
                    return properties.containsKey((String) args[0]);
                case "getObjectProperty":
                    return properties.get((String) args[0]);
                case "getStringProperty": {
                    Object v = properties.get((String) args[0]);
                    return v == null ? null : v.toString();
                }
                case "getBody":
                    return text;
                case "isBodyAssignableTo":
                    return ((Class<?>) args[0]).isAssignableFrom(String.class);
                case "acknowledge":
                    return null;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                case "toString":
                    return "ForeignTextMessage[" + text + "]";
                default:
                    break;
            }
            if (name.startsWith("set") && name.endsWith("Property")) {
                properties.put((String) args[0], args[1]);
                return null;
            }
            if (name.startsWith("get") && name.endsWith("Property")) {
                Object v = properties.get((String) args[0]);
                return v;
            }
            if (name.startsWith("setJMS")) {
                headers.put(name.substring(3), args[0]);
                return null;
            }
            if (name.startsWith("getJMS")) {
                Object v = headers.get(name.substring(3));
                Class<?> type = method.getReturnType();
                if (v == null && type.isPrimitive()) {
                    if (type == boolean.class) {
                        return false;
                    }
                    if (type == int.class) {
                        return 0;
                    }
                    return 0L;
                }
                return v;
            }
            throw new UnsupportedOperationException(name);
        }
    }
}
