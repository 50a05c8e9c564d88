package io.warren.spring;

import java.io.Serializable;
import java.math.BigDecimal;

/** An application class sent as an {@code ObjectMessage}: only trusted packages may deserialise it. */
public record Order(String id, String product, int quantity, BigDecimal price) implements Serializable {
}
