/**
 * The standalone broker: {@link io.warren.server.launcher.WarrenServer} starts the engine, its AMQP
 * listeners and the management HTTP API from a {@code warren.conf} and {@code --key=value} arguments, and
 * stops them in order on SIGTERM or Ctrl-C. {@code java -jar warren-server.jar} runs its {@code main}.
 */
package io.warren.server.launcher;
