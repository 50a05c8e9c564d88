package io.warren.ra.container.app;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the message-driven bean was handed, attempt by attempt (including attempts whose transaction rolled back),
 * as lines {@code text|redelivered|deliveryCount}. Shared by every bean of the test application.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Deliveries {
    private final List<String> attempts = new CopyOnWriteArrayList<>();

    public void record(String text, boolean redelivered, int deliveryCount) {
        attempts.add(text + "|" + redelivered + "|" + deliveryCount);
    }

    public List<String> attempts() {
        return List.copyOf(attempts);
    }

    public boolean seenBefore(String text) {
        return attempts.stream().anyMatch(a -> a.startsWith(text + "|"));
    }
}
