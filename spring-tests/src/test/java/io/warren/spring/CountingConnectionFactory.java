package io.warren.spring;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a {@link ConnectionFactory} and counts the connections, sessions, consumers and producers created
 * and closed through it, so tests can see what Spring does to the provider (caching, receive loops).
 */
final class CountingConnectionFactory implements ConnectionFactory {
    private static final Set<String> CONSUMER_FACTORIES = Set.of("createConsumer", "createSharedConsumer",
            "createDurableConsumer", "createDurableSubscriber", "createSharedDurableConsumer");

    final AtomicInteger connectionsCreated = new AtomicInteger();
    final AtomicInteger connectionsClosed = new AtomicInteger();
    final AtomicInteger sessionsCreated = new AtomicInteger();
    final AtomicInteger sessionsClosed = new AtomicInteger();
    final AtomicInteger consumersCreated = new AtomicInteger();
    final AtomicInteger consumersClosed = new AtomicInteger();
    final AtomicInteger producersCreated = new AtomicInteger();
    /** Calls to {@code receive(timeout)} / {@code receiveNoWait()} on consumers created here. */
    final AtomicInteger receives = new AtomicInteger();

    private final ConnectionFactory target;

    CountingConnectionFactory(ConnectionFactory target) {
        this.target = target;
    }

    int openConnections() {
        return connectionsCreated.get() - connectionsClosed.get();
    }

    int openSessions() {
        return sessionsCreated.get() - sessionsClosed.get();
    }

    int openConsumers() {
        return consumersCreated.get() - consumersClosed.get();
    }

    @Override
    public Connection createConnection() throws JMSException {
        return wrapConnection(target.createConnection());
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return wrapConnection(target.createConnection(userName, password));
    }

    @Override
    public JMSContext createContext() {
        return target.createContext();
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return target.createContext(userName, password);
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        return target.createContext(userName, password, sessionMode);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return target.createContext(sessionMode);
    }

    private Connection wrapConnection(Connection c) {
        connectionsCreated.incrementAndGet();
        return proxy(Connection.class, c, (method, result) -> {
            if (method.getName().equals("createSession")) {
                sessionsCreated.incrementAndGet();
                return wrapSession((Session) result);
            }
            return result;
        }, connectionsClosed);
    }

    private Session wrapSession(Session s) {
        return proxy(Session.class, s, (method, result) -> {
            if (CONSUMER_FACTORIES.contains(method.getName())) {
                consumersCreated.incrementAndGet();
                return wrapConsumer(method.getReturnType(), (MessageConsumer) result);
            }
            if (method.getName().equals("createProducer")) {
                producersCreated.incrementAndGet();
            }
            return result;
        }, sessionsClosed);
    }

    /** The proxy has the type the session method declares: MessageConsumer, TopicSubscriber, ... */
    private MessageConsumer wrapConsumer(Class<?> type, MessageConsumer consumer) {
        return (MessageConsumer) proxy(type, consumer, (method, result) -> {
            if (method.getName().startsWith("receive")) {
                receives.incrementAndGet();
            }
            return result;
        }, consumersClosed);
    }

    private interface AfterCall {
        Object apply(Method method, Object result);
    }

    /** A proxy that delegates everything, lets {@code after} replace results, and counts the first close. */
    private static <T> T proxy(Class<T> type, Object target, AfterCall after, AtomicInteger closes) {
        AtomicBoolean closed = new AtomicBoolean();
        InvocationHandler handler = (p, method, args) -> {
            switch (method.getName()) {
                case "equals":
                    return p == args[0];
                case "hashCode":
                    return System.identityHashCode(p);
                case "toString":
                    return "Counting[" + target + "]";
                default:
                    break;
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (method.getName().equals("close") && closed.compareAndSet(false, true)) {
                closes.incrementAndGet();
            }
            return after.apply(method, result);
        };
        return type.cast(Proxy.newProxyInstance(CountingConnectionFactory.class.getClassLoader(),
                new Class<?>[] {type}, handler));
    }
}
