package io.warren.broker.management.jmx;

import java.util.List;
import java.util.Map;

/**
 * An exchange: {@code io.warren:type=Broker,name=BROKER,vhost=VHOST,component=exchanges,exchange=NAME}, the
 * default exchange as {@code exchange="amq.default"}. Attributes are read afresh on every request; reading one
 * after the exchange was deleted, before the MBean goes, fails.
 */
public interface ExchangeMXBean {

    /** The exchange's name; {@code ""} for the default exchange. */
    String getName();

    String getVirtualHost();

    /** {@code direct}, {@code fanout}, {@code topic} or {@code headers}. */
    String getType();

    boolean isDurable();

    boolean isAutoDelete();

    boolean isInternal();

    /** Declaration arguments, values as text. */
    Map<String, String> getArguments();

    /** Bindings from this exchange (the default exchange's implicit ones are not counted). */
    int getBindingCount();

    List<BindingRow> getBindings();
}
