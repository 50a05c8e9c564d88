package io.warren.jms.transport.amqp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy to a server port that a test can break like a network: {@link #cut()} drops every
 * connection through it (both sides see the socket die), {@link #refuse()} stops it accepting new ones,
 * {@link #holdToClients()} keeps what the server sends on its way until {@link #releaseToClients()}.
 */
final class TcpProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesToServer = new AtomicLong();
    private final Object hold = new Object();
    private boolean holding;

    TcpProxy(int target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tcp-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                sockets.add(client);
                sockets.add(server);
                pump(client, server, false);
                pump(server, client, true);
            } catch (IOException e) {
                // closed, or the server refused: the client sees its socket end
            }
        }
    }

    private void pump(Socket from, Socket to, boolean toClient) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (toClient) {
                        awaitRelease();
                    }
                    out.write(buf, 0, n);
                    if (!toClient) {
                        bytesToServer.addAndGet(n);
                    }
                }
            } catch (IOException e) {
                // cut
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void awaitRelease() throws InterruptedException {
        synchronized (hold) {
            while (holding) {
                hold.wait();
            }
        }
    }

    /** Keeps what servers send from here on in the proxy: clients receive nothing until released. */
    void holdToClients() {
        synchronized (hold) {
            holding = true;
        }
    }

    /** Lets what servers sent go on to the clients. */
    void releaseToClients() {
        synchronized (hold) {
            holding = false;
            hold.notifyAll();
        }
    }

    /** How many bytes clients sent to servers through the proxy so far. */
    long bytesToServer() {
        return bytesToServer.get();
    }

    /** Drops every connection through the proxy; new ones are still accepted. */
    void cut() {
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        sockets.clear();
    }

    /** Stops accepting, and drops every connection. */
    void refuse() {
        closeQuietly(listener);
        cut();
    }

    @Override
    public void close() {
        refuse();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
