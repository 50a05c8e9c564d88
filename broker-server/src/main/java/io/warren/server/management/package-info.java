/**
 * The management HTTP API and web console, in the shape of RabbitMQ's management plugin: {@link
 * io.warren.server.management.ManagementServer} is the Netty HTTP/1.1 listener (port 15672 by default) in
 * front of the {@code api} resources, served through the {@code http} plumbing. The console's files are
 * classpath resources under {@code io/warren/server/management/console/}.
 */
package io.warren.server.management;
