package io.warren.ra.admin;

import jakarta.jms.Destination;
import java.io.Serializable;
import java.util.Objects;

/**
 * What the adapter's administered queues and topics share: a JavaBean with one property, {@code Name}, that the
 * server sets from its administered-object configuration and binds in JNDI. Configured once, then read-only;
 * equal when of the same class and name.
 */
public abstract class AdministeredDestination implements Destination, Serializable {
    private static final long serialVersionUID = 1L;
    private String name;

    public String getName() {
        return name;
    }

    /** The destination's name on the broker. */
    public void setName(String name) {
        this.name = name;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Objects.equals(name, ((AdministeredDestination) o).name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass().getName(), name);
    }
}
