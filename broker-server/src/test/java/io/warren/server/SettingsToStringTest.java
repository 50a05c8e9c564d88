package io.warren.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.warren.broker.security.UserStore;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsToStringTest {

    @Test
    void serverSettingsShowTlsAsOnOrOffNotAnObject() throws Exception {
        SslContext context;
        try (InputStream cert = getClass().getResourceAsStream("/io/warren/server/amqp/tls/cert.pem");
             InputStream key = getClass().getResourceAsStream("/io/warren/server/amqp/tls/key.pem")) {
            context = SslContextBuilder.forServer(cert, key).build();
        }
        ServerSettings tls = ServerSettings.defaults().withTls(5671, context);
        assertThat(tls.toString()).contains("tlsPort=5671", "tls=on", "port=5672").doesNotContain("@");
        assertThat(ServerSettings.defaults().toString()).contains("tls=off");
    }

    @Test
    void userStoreListsNamesAndTagsButNoPasswordHashes() {
        UserStore users = new UserStore();
        users.addUser("ops", "p4ssw0rd".toCharArray(), Set.of("administrator"));
        String text = users.toString();
        assertThat(text).contains("ops").contains("administrator").doesNotContain("p4ssw0rd");
        assertThat(text).doesNotContain(users.user("ops").orElseThrow().passwordHash());
    }
}
