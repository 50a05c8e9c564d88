package io.warren.jms.transport.amqp;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code amqp-client}'s consumer callbacks on the connection's reader thread, in frame order. The JMS
 * consumers only buffer what arrives, so nothing blocks there; and a delivery written before a method's reply
 * is buffered before the reply returns, which is what lets {@code receiveNoWait} see every message the broker
 * already pushed (see {@link io.warren.jms.transport.BrokerChannel#syncDeliveries()}).
 */
final class InlineExecutor extends AbstractExecutorService {
    static final InlineExecutor INSTANCE = new InlineExecutor();

    private InlineExecutor() {
    }

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    @Override
    public void shutdown() {
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }
}
