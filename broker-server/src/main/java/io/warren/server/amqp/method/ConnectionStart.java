package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;
import java.util.Map;

/**
 * {@code connection.start}, class 10 method 10.
 *
 * <p>Server to client, first method on a connection: protocol version, server properties and the space-separated
 * SASL mechanisms and locales offered.
 */
public record ConnectionStart(int versionMajor, int versionMinor, Map<String, Object> serverProperties,
                              String mechanisms, String locales)
        implements AmqpMethod {
    private static final String NAME = "connection.start";

    @Override
    public int classId() {
        return 10;
    }

    @Override
    public int methodId() {
        return 10;
    }

    @Override
    public String name() {
        return NAME;
    }

    static ConnectionStart read(ByteBuf in) {
        ArgReader r = new ArgReader(in, NAME);
        int versionMajor = r.octet("version-major");
        int versionMinor = r.octet("version-minor");
        Map<String, Object> serverProperties = r.table("server-properties");
        String mechanisms = r.longstr("mechanisms");
        String locales = r.longstr("locales");
        return new ConnectionStart(versionMajor, versionMinor, serverProperties, mechanisms, locales);
    }

    void write(ByteBuf out) {
        new ArgWriter(out, NAME)
                .octet(versionMajor, "version-major")
                .octet(versionMinor, "version-minor")
                .table(serverProperties, "server-properties")
                .longstr(mechanisms)
                .longstr(locales)
                .end();
    }
}
