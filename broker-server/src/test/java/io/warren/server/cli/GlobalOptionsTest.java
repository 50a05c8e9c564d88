package io.warren.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GlobalOptionsTest {
    private static final Map<String, String> NO_ENVIRONMENT = Map.of();

    private static GlobalOptions resolve(Map<String, String> environment, String... args) {
        return GlobalOptions.resolve(Arguments.parse(args, Set.of("verbose")), environment);
    }

    @Test
    void withNothingGivenItIsGuestOnLocalhost15672InVhostSlashAsATable() {
        GlobalOptions options = resolve(NO_ENVIRONMENT);

        assertThat(options.url()).isEqualTo(URI.create("http://localhost:15672"));
        assertThat(options.credentials()).isEqualTo(new Credentials("guest", "guest"));
        assertThat(options.vhost()).isEqualTo("/");
        assertThat(options.vhostGiven()).isFalse();
        assertThat(options.format()).isInstanceOf(TableFormat.class);
        assertThat(options.verbose()).isFalse();
    }

    @Test
    void theEnvironmentGivesUrlUserAndPassword() {
        GlobalOptions options = resolve(Map.of("WARREN_URL", "https://broker:15671", "WARREN_USER", "ops",
                "WARREN_PASSWORD", "pw"));

        assertThat(options.url()).isEqualTo(URI.create("https://broker:15671"));
        assertThat(options.credentials()).isEqualTo(new Credentials("ops", "pw"));
    }

    @Test
    void theCommandLineWinsOverTheEnvironment() {
        GlobalOptions options = resolve(Map.of("WARREN_URL", "http://env:1", "WARREN_USER", "env",
                "WARREN_PASSWORD", "env"), "--url=http://line:2", "--user=line", "--password=line");

        assertThat(options.url()).isEqualTo(URI.create("http://line:2"));
        assertThat(options.credentials()).isEqualTo(new Credentials("line", "line"));
    }

    @Test
    void hostAndPortMakeAnHttpUrlWithIpv6InBrackets() {
        assertThat(resolve(NO_ENVIRONMENT, "--host=broker", "--port=8080").url())
                .isEqualTo(URI.create("http://broker:8080"));
        assertThat(resolve(NO_ENVIRONMENT, "--host=::1").url()).isEqualTo(URI.create("http://[::1]:15672"));
        assertThat(resolve(NO_ENVIRONMENT, "--port=1234").url()).isEqualTo(URI.create("http://localhost:1234"));
    }

    @Test
    void aBasePathIsKeptWithoutItsTrailingSlash() {
        assertThat(resolve(NO_ENVIRONMENT, "--url=http://proxy:80/warren/").url())
                .isEqualTo(URI.create("http://proxy:80/warren"));
    }

    @Test
    void urlTogetherWithHostIsAUsageError() {
        assertThatThrownBy(() -> resolve(NO_ENVIRONMENT, "--url=http://a:1", "--host=b"))
                .isInstanceOf(UsageException.class).hasMessage("give either --url or --host/--port, not both");
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutRepeatingThem() {
        assertThatThrownBy(() -> resolve(NO_ENVIRONMENT, "--url=http://admin:s3cret@broker:15672"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("give the user and password with --user and --password")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aUrlThatIsNotHttpIsAUsageError() {
        assertThatThrownBy(() -> resolve(NO_ENVIRONMENT, "--url=amqp://broker:5672"))
                .isInstanceOf(UsageException.class).hasMessageContaining("expected http://HOST:PORT");
        assertThatThrownBy(() -> resolve(Map.of("WARREN_URL", "broker:15672")))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("WARREN_URL: expected http://");
    }

    @Test
    void aPortOutsideOneTo65535IsAUsageError() {
        assertThatThrownBy(() -> resolve(NO_ENVIRONMENT, "--port=70000"))
                .isInstanceOf(UsageException.class).hasMessage("--port: expected 1 to 65535, got '70000'");
        assertThatThrownBy(() -> resolve(NO_ENVIRONMENT, "--url=http://broker:70000"))
                .isInstanceOf(UsageException.class).hasMessage("--url: port 70000 is above 65535");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        assertThatThrownBy(() -> resolve(NO_ENVIRONMENT, "--format=xml"))
                .isInstanceOf(UsageException.class).hasMessage("--format: expected table, json or tsv, got 'xml'");
    }

    @Test
    void anEmptyVhostIsAUsageError() {
        assertThatThrownBy(() -> resolve(NO_ENVIRONMENT, "--vhost=")).isInstanceOf(UsageException.class);
    }

    @Test
    void aUserNameWithAColonCannotBeSentAndIsAUsageError() {
        assertThatThrownBy(() -> resolve(NO_ENVIRONMENT, "--user=a:b")).isInstanceOf(UsageException.class)
                .hasMessageContaining("cannot carry a ':'");
    }

    @Test
    void credentialsShowNoPasswordAsText() {
        Credentials credentials = new Credentials("admin", "s3cret");

        assertThat(credentials.toString()).doesNotContain("s3cret").contains("admin");
        assertThat(credentials.authorization()).isEqualTo("Basic YWRtaW46czNjcmV0");
    }
}
