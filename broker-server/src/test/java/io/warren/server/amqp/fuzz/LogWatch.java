package io.warren.server.amqp.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Watches the log (logback, the module's SLF4J provider, through an appender on the root logger) for events
 * that mean an exception escaped a handler: any {@code ERROR} (the server's "internal error" reports, Netty's
 * {@code LEAK:} reports), Netty's "reached at the tail of the pipeline" warning, and {@code AmqpConnection}'s
 * "connection … failed" warning for a non-I/O exception in {@code exceptionCaught}.
 *
 * <p>{@link #verifyCapturing()} logs a canary of each kind and fails if it was not recognised, so that a change
 * of binding or of the server's wording makes the test fail loudly instead of silently watching nothing.
 */
public final class LogWatch implements AutoCloseable {
    private static final String CANARY = "fuzz-canary-log";

    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Logger root;
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            String message = e.getFormattedMessage();
            boolean error = e.getLevel().isGreaterOrEqual(Level.ERROR);
            boolean tail = message != null && message.contains("reached at the tail of the pipeline");
            boolean escaped = e.getLoggerName().equals("io.warren.server.amqp.AmqpConnection")
                    && message != null && message.startsWith("connection ") && message.endsWith(" failed");
            if (error || tail || escaped) {
                IThrowableProxy t = e.getThrowableProxy();
                problems.add(e.getLevel() + " " + e.getLoggerName() + " [" + e.getThreadName() + "] " + message
                        + (t == null ? "" : " : " + t.getClassName() + ": " + t.getMessage()
                        + (t.getStackTraceElementProxyArray().length > 0
                                ? " at " + t.getStackTraceElementProxyArray()[0] : "")));
            }
        }
    };

    private LogWatch() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            throw new AssertionError("LogWatch expects logback as the SLF4J provider in tests, found "
                    + factory.getClass().getName());
        }
        this.root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        appender.setContext(context);
        appender.setName("fuzz-log-watch");
        appender.start();
        root.addAppender(appender);
    }

    public static LogWatch start() {
        return new LogWatch();
    }

    /** Logs canaries through the server's own logger names and checks this watch recognises them. */
    public void verifyCapturing() {
        LoggerFactory.getLogger("io.warren.server.amqp.AmqpConnection")
                .warn("connection {} failed", CANARY, new IllegalStateException(CANARY));
        LoggerFactory.getLogger("io.warren.server.amqp.AmqpChannel").error("internal error: {}", CANARY);
        if (problems.stream().filter(l -> l.contains(CANARY)).count() < 2) {
            throw new AssertionError("the log watch does not recognise the server's failure logs; adapt LogWatch."
                    + " Seen: " + problems);
        }
    }

    /** Events that mean an exception escaped a handler, canaries (this one's and {@link LeakWatch}'s) excluded. */
    public List<String> problems() {
        return problems.stream().filter(l -> !l.contains("fuzz-canary")).toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
