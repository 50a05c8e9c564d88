/** The AMQP 0-9-1 server: Netty listeners that drive the broker engine for network clients. */
package io.warren.server;
