package io.warren.server.security;

import io.netty.channel.local.LocalAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;

/**
 * Decides whether a client address is on this machine, for users that may log in only from there. Like
 * RabbitMQ, any address in 127.0.0.0/8 or {@code ::1} counts (IPv4-mapped forms such as
 * {@code ::ffff:127.0.0.1} arrive as IPv4 addresses); so do Netty in-JVM channels and Unix domain sockets,
 * which cannot come from elsewhere. Anything else, including an unresolved or missing address, does not:
 * the check fails closed.
 *
 * <p>Stateless and thread-safe.
 */
final class LoopbackAddresses {

    private LoopbackAddresses() {
    }

    static boolean isLoopback(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet) {
            InetAddress address = inet.getAddress();
            return address != null && address.isLoopbackAddress();
        }
        return remote instanceof LocalAddress || remote instanceof UnixDomainSocketAddress;
    }
}
