package io.warren.broker.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Operations written together and made durable atomically: one publish, one ack, one transaction. */
public final class StoreBatch {
    private final List<StoreOperation> operations;

    public StoreBatch() {
        this.operations = new ArrayList<>(4);
    }

    public static StoreBatch of(StoreOperation... ops) {
        StoreBatch b = new StoreBatch();
        for (StoreOperation op : ops) {
            b.add(op);
        }
        return b;
    }

    public StoreBatch add(StoreOperation op) {
        operations.add(op);
        return this;
    }

    public StoreBatch addAll(StoreBatch other) {
        operations.addAll(other.operations);
        return this;
    }

    public List<StoreOperation> operations() {
        return Collections.unmodifiableList(operations);
    }

    public boolean isEmpty() {
        return operations.isEmpty();
    }

    public int size() {
        return operations.size();
    }

    @Override
    public String toString() {
        return "StoreBatch" + operations;
    }
}
