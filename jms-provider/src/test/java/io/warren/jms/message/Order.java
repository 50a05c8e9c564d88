package io.warren.jms.message;

import java.io.Serializable;
import java.util.Objects;

/** A Serializable class outside every default trusted package. */
final class Order implements Serializable {
    private static final long serialVersionUID = 1L;
    String item;

    Order(String item) {
        this.item = item;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Order other && Objects.equals(other.item, item);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(item);
    }
}
