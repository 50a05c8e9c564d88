package io.warren.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvalidConfigurationTest {

    /** The value sits on line 3, after a comment and a good line, so the line number is checked too. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            listeners.tcp.default             | abc          | expected a port 0..65535 or host:port
            listeners.tcp.default             | 70000        | expected a port 0..65535 or host:port
            listeners.tcp.default             | :5672        | expected a port 0..65535 or host:port
            listeners.tcp                     | off          | expected 'none'
            listeners.ssl.default             | -1           | expected a port 0..65535 or host:port
            ssl_options.verify                | yes          | expected verify_peer or verify_none
            ssl_options.fail_if_no_peer_cert  | maybe        | expected true or false
            channel_max                       | 70000        | expected a channel count (0 for 65535) 0..65535
            frame_max                         | 1024         | expected a frame size in bytes 4096..
            heartbeat                         | soon         | expected whole seconds 0..65535, got 'soon'
            handshake_timeout                 | 0            | expected milliseconds 1..
            max_message_size                  | 1GB          | expected a size of 1..536870912 bytes
            connection_max                    | 0            | a number of connections or 'infinity'
            vm_memory_high_watermark.absolute | lots         | expected bytes, optionally with a unit
            vm_memory_high_watermark.absolute | 5TB          | expected bytes, optionally with a unit
            vm_memory_high_watermark.relative | 1.5          | expected a fraction of the maximum heap
            journal.sync                      | sometimes    | expected always, batched or never
            paging.enabled                    | off          | expected true or false, got 'off'
            vm_memory_high_watermark_paging_ratio | 0        | expected a fraction of vm_memory_high_watermark
            vm_memory_high_watermark_paging_ratio | half     | above 0 and at most 1 (e.g. 0.4), got 'half'
            paging.queue_threshold            | -1           | expected bytes, optionally with a unit
            paging.queue_threshold            | 5TB          | expected bytes, optionally with a unit
            paging.max_disk                   | lots         | expected bytes, optionally with a unit
            paging.file_size                  | 512          | expected a size of 1024..2147483647 bytes, got '512'
            paging.file_size                  | 2GiB         | expected a size of 1024..2147483647 bytes, got '2GiB'
            paging.read_ahead                 | 0            | expected a number of messages 1..2147483647, got '0'
            broker.name                       | ""           | expected a broker name, got nothing
            default_user_tags.administrator   | yes          | expected true or false
            loopback_users.guest              | no           | expected true or false
            loopback_users                    | guest        | expected 'none'
            users.alice.tags                  | admin;mgmt   | expected comma-separated tags
            users.alice.password_hash         | md5$abc      | password hash must have 4
            permissions.alice./               | .* .*        | expected three regular expressions
            permissions.alice./               | '.* .* .*    | unclosed quote
            permissions.alice                 | .* .* .*     | expected a key permissions.USER.VHOST
            management.tcp.port               | 70000        | expected a port 0..65535, got '70000'
            management.tcp.ip                 | ""           | expected a host name or IP address, got nothing
            management.tcp.ip                 | a b          | expected a host name or IP address
            management.enabled                | on           | expected true or false
            """)
    void aBadValueNamesFileLineKeyAndWhatIsExpected(String key, String value, String expected) {
        String text = "# settings\nheartbeat = 30\n" + key + " = " + value + "\n";

        assertThatThrownBy(() -> ConfigurationLoader.parse("/etc/warren/warren.conf", text))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("/etc/warren/warren.conf:3: " + key + ": ")
                .hasMessageContaining(expected)
                .satisfies(e -> {
                    InvalidConfigException ice = (InvalidConfigException) e;
                    assertThat(ice.location()).isEqualTo("/etc/warren/warren.conf:3");
                    assertThat(ice.key()).isEqualTo(key);
                });
    }

    @Test
    void anUnknownKeySuggestsTheNearestKnownOne() {
        assertThatThrownBy(() -> ConfigurationLoader.parse("w.conf", "\nhearbeat = 30"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("w.conf:2: hearbeat: unknown key (did you mean heartbeat?); the keys are listed in "
                        + "broker-server/README.md");
    }

    @Test
    void aPagingWatermarkKeyPointsToRabbitMqsPagingRatio() {
        assertThatThrownBy(() -> ConfigurationLoader.parse("w.conf", "paging.watermark = 0.4"))
                .hasMessageStartingWith("w.conf:1: paging.watermark: unknown key")
                .hasMessageContaining("vm_memory_high_watermark_paging_ratio");
        assertThatThrownBy(() -> ConfigurationLoader.parse("w.conf", "paging.read_ahed = 64"))
                .hasMessageContaining("(did you mean paging.read_ahead?)");
    }

    @Test
    void aMisspelledManagementKeySuggestsTheRightOne() {
        assertThatThrownBy(() -> ConfigurationLoader.parse("w.conf", "management.tcp.prot = 15672"))
                .hasMessageStartingWith("w.conf:1: management.tcp.prot: unknown key (did you mean "
                        + "management.tcp.port?)");
    }

    @Test
    void rabbitMqsOlderManagementListenerKeysPointToTheNewerOnes() {
        assertThatThrownBy(() -> ConfigurationLoader.parse("w.conf", "management.listener.port = 15672"))
                .hasMessageContaining("management.tcp.port and management.tcp.ip");
        assertThatThrownBy(() -> ConfigurationLoader.parse("w.conf", "management.ssl.port = 15671"))
                .hasMessageContaining("no TLS of its own");
    }

    @Test
    void theManagementPortMayNotBeTheAmqpPort() {
        assertThatThrownBy(() -> ConfigurationLoader.parse("w.conf", "listeners.tcp.default = 5672\n"
                + "management.tcp.port = 5672"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("w.conf:2: management.tcp.port: port 5672 is also listeners.tcp.default; "
                        + "give the management API a port of its own (RabbitMQ's is 15672)");
        assertThat(ConfigurationLoader.parse("w.conf", "listeners.tcp.default = 127.0.0.1:5672\n"
                + "management.tcp.ip = 127.0.0.2\nmanagement.tcp.port = 5672").managementListener()).isPresent();
    }

    @Test
    void thePrometheusPortMayNotBeTheAmqpOrManagementPort() {
        assertThatThrownBy(() -> ConfigurationLoader.parse("w.conf", "prometheus.tcp.port = 15672"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("w.conf:1: prometheus.tcp.port: port 15672 is also management.tcp.port; "
                        + "give the Prometheus endpoint a port of its own (RabbitMQ's is 15692)");
        assertThatThrownBy(() -> ConfigurationLoader.parse("w.conf", "prometheus.tcp.port = 5672"))
                .hasMessageContaining("is also listeners.tcp.default");
        assertThat(ConfigurationLoader.parse("w.conf", "prometheus.enabled = false").prometheusListener()).isEmpty();
        assertThat(ConfigurationLoader.parse("w.conf", "").prometheusListener().orElseThrow().port()).isEqualTo(15692);
    }

    @Test
    void aSecondTcpListenerIsRefusedAsWarrenHasOne() {
        assertThatThrownBy(() -> ConfigurationLoader.parse("w.conf", "listeners.tcp.other = 5673"))
                .hasMessageContaining("w.conf:1: listeners.tcp.other: unknown key")
                .hasMessageContaining("listeners.tcp.default");
    }

    @Test
    void aLineWithoutEqualsSignIsRefused() {
        assertThatThrownBy(() -> ConfigurationLoader.parse("w.conf", "heartbeat = 1\nheartbeat 30"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("w.conf:2: heartbeat 30: expected 'key = value'");
    }

    @Test
    void aBadCommandLineValueNamesTheCommandLine() {
        assertThatThrownBy(() -> ConfigurationLoader.load(Optional.empty(),
                List.of(ConfigEntry.fromCommandLine("listeners.tcp.default", "x"))))
                .hasMessageStartingWith("command line: listeners.tcp.default: expected a port");
    }

    @Test
    void aTlsListenerWithoutCertificateIsRefused() {
        assertThatThrownBy(() -> ConfigurationLoader.parse("w.conf", "listeners.ssl.default = 5671"))
                .hasMessage("w.conf:1: listeners.ssl.default: a TLS listener needs ssl_options.certfile");
    }

    @Test
    void aMissingCertificateFileIsNamed() {
        assertThatThrownBy(() -> ConfigurationLoader.parse("w.conf", """
                listeners.ssl.default = 5671
                ssl_options.certfile = /nonexistent/cert.pem
                ssl_options.keyfile = /nonexistent/key.pem
                """))
                .hasMessage("w.conf:2: ssl_options.certfile: cannot read file /nonexistent/cert.pem");
    }

    @Test
    void verifyPeerWithoutCaBundleIsRefused() {
        assertThatThrownBy(() -> ConfigurationLoader.parse("w.conf", """
                listeners.ssl.default = 5671
                ssl_options.certfile = %s
                ssl_options.keyfile = %s
                ssl_options.verify = verify_peer
                """.formatted(TestPem.path("server_certificate.pem"), TestPem.path("server_key.pem"))))
                .hasMessageStartingWith("w.conf:4: ssl_options.verify: verify_peer needs ssl_options.cacertfile");
    }

    @Test
    void aFileThatIsNotAKeyIsReportedAtTheKeyfileLine() {
        assertThatThrownBy(() -> ConfigurationLoader.parse("w.conf", """
                listeners.ssl.default = 5671
                ssl_options.certfile = %s
                ssl_options.keyfile = %s
                """.formatted(TestPem.path("server_certificate.pem"), TestPem.path("ca_certificate.pem"))))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("w.conf:3: ssl_options.keyfile: cannot build the TLS context")
                .hasMessageContaining("PKCS");
    }

    @Test
    void turningOffEveryListenerIsRefused() {
        assertThatThrownBy(() -> ConfigurationLoader.parse("w.conf", "listeners.tcp = none"))
                .hasMessageStartingWith("w.conf:1: listeners.tcp: no listener");
    }

    @Test
    void twoDifferentListenerHostsAreRefused() {
        assertThatThrownBy(() -> ConfigurationLoader.parse("w.conf", """
                listeners.tcp.default = 127.0.0.1:5672
                listeners.ssl.default = 10.0.0.1:5671
                ssl_options.certfile = %s
                ssl_options.keyfile = %s
                """.formatted(TestPem.path("server_certificate.pem"), TestPem.path("server_key.pem"))))
                .hasMessageStartingWith("w.conf:2: listeners.ssl.default: host 10.0.0.1 differs");
    }

    @Test
    void aUserWithoutPasswordIsRefused() {
        assertThatThrownBy(() -> ConfigurationLoader.parse("w.conf", "users.alice.tags = management"))
                .hasMessage("w.conf:1: users.alice.tags: user 'alice' needs users.alice.password or "
                        + "users.alice.password_hash");
    }

    @Test
    void aPermissionForAnUndeclaredUserIsRefused() {
        assertThatThrownBy(() -> ConfigurationLoader.parse("w.conf", """
                users.alice.password = a
                permissions.bob./ = .* .* .*
                """))
                .hasMessageStartingWith("w.conf:2: permissions.bob./: user 'bob' is not declared");
    }

    @Test
    void aPermissionOnAnUndeclaredVhostIsRefused() {
        assertThatThrownBy(() -> ConfigurationLoader.parse("w.conf", """
                users.alice.password = a
                permissions.alice.orders = .* .* .*
                """))
                .hasMessage("w.conf:2: permissions.alice.orders: vhost 'orders' is not declared; "
                        + "add vhosts.N = orders");
    }

    @Test
    void anInvalidPermissionExpressionNamesWhichOfTheThree() {
        assertThatThrownBy(() -> ConfigurationLoader.parse("w.conf", """
                users.alice.password = a
                permissions.alice./ = .* [ .*
                """))
                .hasMessageStartingWith("w.conf:2: permissions.alice./: the write expression '[' is not a valid");
    }

    @Test
    void anUnreadableFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("missing.conf");

        assertThatThrownBy(() -> ConfigurationLoader.load(Optional.of(missing), List.of()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("cannot read it");
    }

    @Test
    void aFileWithAByteOrderMarkIsRead(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("w.conf"), "\uFEFFheartbeat = 5\n");

        assertThat(ConfigurationLoader.load(Optional.of(file), List.of()).limits().heartbeat()).isEqualTo(5);
    }
}
