/**
 * The standalone server's metrics in Prometheus form: {@link io.warren.server.metrics.PrometheusMetrics} binds
 * the broker's meters and the JVM's to one Prometheus registry and renders them for a scrape. Serving them
 * over HTTP is the management endpoint's business; nothing here opens a socket.
 */
package io.warren.server.metrics;
