package io.warren.tck.support;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/** An application class carried in ObjectMessage bodies. */
public record Order(String id, List<String> items, BigDecimal total) implements Serializable {
}
