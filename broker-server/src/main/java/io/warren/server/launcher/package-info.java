/**
 * The standalone broker: {@link io.warren.server.launcher.WarrenServer} starts the engine, its AMQP
 * listeners, the management HTTP API and the Prometheus endpoint from a {@code warren.conf} and {@code
 * --key=value} arguments, and stops them in order on SIGTERM or Ctrl-C. {@code java -jar warren-server.jar}
 * runs its {@code main}; {@code java -jar warren-server.jar ctl ...} runs the management client
 * {@link io.warren.server.cli.WarrenCtl} instead.
 */
package io.warren.server.launcher;
