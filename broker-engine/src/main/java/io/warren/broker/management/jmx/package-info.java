/**
 * The broker's MBeans, for jconsole, VisualVM or any JMX client: one for the broker, each virtual host,
 * exchange, queue and client connection, named as {@link io.warren.broker.management.jmx.JmxNames} describes.
 * They are MXBeans, so their tables and records reach a client as open data ({@code CompositeData},
 * {@code TabularData}) it can show without Warren's classes, and their failures carry only JDK exceptions.
 * A broker registers them on the platform MBean server while it runs unless its configuration switches JMX off
 * ({@code BrokerConfig.Builder.jmx(false)}, {@code vm://NAME?jmx=false});
 * {@link io.warren.broker.management.jmx.JmxRegistration} does the registering and keeps it in step with the
 * broker. Uses only the JDK's {@code java.management}.
 */
package io.warren.broker.management.jmx;
