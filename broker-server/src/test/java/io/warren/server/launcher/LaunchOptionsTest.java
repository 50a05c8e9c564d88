package io.warren.server.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.server.config.ConfigEntry;
import io.warren.server.config.InvalidConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchOptionsTest {

    @Test
    void keyValueArgumentsBecomeOverridesInOrder() {
        LaunchOptions options = LaunchOptions.parse("--listeners.tcp.default=5673", "--data_dir=/var/lib/warren",
                "--default_pass=a=b");

        assertThat(options.overrides()).containsExactly(
                ConfigEntry.fromCommandLine("listeners.tcp.default", "5673"),
                ConfigEntry.fromCommandLine("data_dir", "/var/lib/warren"),
                ConfigEntry.fromCommandLine("default_pass", "a=b"));
        assertThat(options.help()).isFalse();
        assertThat(options.verbose()).isFalse();
        assertThat(options.configFile()).isEmpty();
    }

    @Test
    void configHelpAndVerboseAreFlagsNotOverrides() {
        LaunchOptions options = LaunchOptions.parse("--config=/etc/warren.conf", "--help", "--verbose");

        assertThat(options.configFile()).contains(Path.of("/etc/warren.conf"));
        assertThat(options.help()).isTrue();
        assertThat(options.verbose()).isTrue();
        assertThat(options.overrides()).isEmpty();
        assertThat(LaunchOptions.parse("-h").help()).isTrue();
    }

    @Test
    void anArgumentOfAnotherFormIsRefusedWithTheFormsExpected() {
        assertThatThrownBy(() -> LaunchOptions.parse("--heartbeat", "30"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("command line: --heartbeat: expected --key=value, --config=FILE, --verbose or --help");
    }

    @Test
    void aNamedConfigFileMustExist(@TempDir Path dir) throws Exception {
        Path present = Files.writeString(dir.resolve("w.conf"), "");

        assertThat(LaunchOptions.parse("--config=" + present).resolveConfigFile()).contains(present);
        assertThatThrownBy(() -> LaunchOptions.parse("--config=" + dir.resolve("nope.conf")).resolveConfigFile())
                .hasMessageStartingWith("command line: --config: file not found: ");
    }

    @Test
    void withoutConfigArgumentAndWithoutWarrenConfInTheWorkingDirectoryDefaultsApply() {
        // The module directory the tests run in has no warren.conf.
        assertThat(Files.exists(LaunchOptions.DEFAULT_CONFIG_FILE)).isFalse();
        assertThat(LaunchOptions.parse().resolveConfigFile()).isEmpty();
    }
}
