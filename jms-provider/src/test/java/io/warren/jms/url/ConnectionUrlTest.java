package io.warren.jms.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectionUrlTest {
    @Test
    void parsesNameAndOptions() {
        ConnectionUrl url = ConnectionUrl.parse("vm://orders?dataDir=./data&sync=batched&prefetch=10&clientID=app");
        assertThat(url.brokerName()).isEqualTo("orders");
        assertThat(url.persistent()).isTrue();
        assertThat(url.dataDir()).isEqualTo("./data");
        assertThat(url.option("sync")).isEqualTo("batched");
        assertThat(url.intOption("prefetch", 0)).isEqualTo(10);
        assertThat(url.option("clientID")).isEqualTo("app");
    }

    @Test
    void theJmxOptionOfAVmUrlIsOnUnlessSwitchedOff() {
        assertThat(ConnectionUrl.parse("vm://x?jmx=false").booleanOption("jmx", true)).isFalse();
        assertThat(ConnectionUrl.parse("vm://x?jmx=true").booleanOption("jmx", true)).isTrue();
        assertThat(ConnectionUrl.parse("vm://x").booleanOption("jmx", true)).isTrue();
    }

    @Test
    void persistentFalseWinsOverADataDirectory() {
        assertThat(ConnectionUrl.parse("vm://x?dataDir=/tmp/d&persistent=false").persistent()).isFalse();
        assertThat(ConnectionUrl.parse("vm://x").persistent()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tcp://host:61616|expected vm://NAME",
        "vm://|invalid broker name",
        "vm://a b|invalid broker name",
        "vm://x?colour=red|unknown option 'colour'",
        "vm://x?prefetch|expected NAME=VALUE",
        "vm://x?prefetch=-1|option prefetch in connection URL 'vm://x?prefetch=-1' must be a whole number of at least 1",
        "vm://x?sync=sometimes|always, batched or never",
        "vm://x?persistent=maybe|true or false",
        "vm://x?jmx=yes|option jmx in connection URL 'vm://x?jmx=yes' must be true or false, was 'yes'",
        "vm://x?paging=off|option paging in connection URL 'vm://x?paging=off' must be true or false, was 'off'",
        "vm://x?pagingWatermark=1.5|option pagingWatermark in connection URL 'vm://x?pagingWatermark=1.5' must be a"
                + " fraction of the broker's memory limit, above 0 and at most 1 (e.g. 0.5), was '1.5'",
        "vm://x?pagingWatermark=0|option pagingWatermark in connection URL",
        "vm://x?pagingWatermark=half|above 0 and at most 1 (e.g. 0.5), was 'half'",
        "vm://x?queuePagingThreshold=-1|option queuePagingThreshold in connection URL 'vm://x?queuePagingThreshold=-1'"
                + " must be a size of 0..9223372036854775807 bytes, optionally with a unit (e.g. 16MiB",
        "vm://x?pagingMaxDisk=lots|option pagingMaxDisk in connection URL 'vm://x?pagingMaxDisk=lots' must be a size"
                + " of 0..9223372036854775807 bytes",
        "vm://x?pagingMaxDisk=5TB|must be a size of 0..9223372036854775807 bytes",
        "vm://x?pageFileSize=512|option pageFileSize in connection URL 'vm://x?pageFileSize=512' must be a size of"
                + " 1024..2147483647 bytes, optionally with a unit",
        "vm://x?pageFileSize=2GiB|must be a size of 1024..2147483647 bytes",
        "vm://x?pagingReadAhead=0|option pagingReadAhead in connection URL 'vm://x?pagingReadAhead=0' must be a whole"
                + " number of at least 1, was '0'",
    })
    void malformedUrlsFailNamingTheProblem(String url, String message) {
        assertThatThrownBy(() -> ConnectionUrl.parse(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void passwordsNeverAppearInMessages() {
        assertThatThrownBy(() -> ConnectionUrl.parse("vm://x?password=s3cret&colour=red"))
                .hasMessageNotContaining("s3cret").hasMessageContaining("password=***");
        assertThat(ConnectionUrl.parse("vm://x?user=u&password=s3cret").toString()).doesNotContain("s3cret");
    }

    @Test
    void parsesAnAmqpUrlWithCredentialsHostsVirtualHostAndOptions() {
        ConnectionUrl url = ConnectionUrl.parse("amqp://app:p%40ss@h1:5673,h2,[::1]:5674/orders%2Feu?prefetch=50"
                + "&heartbeat=10&clientID=c1");
        assertThat(url.isVm()).isFalse();
        assertThat(url.isTls()).isFalse();
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.endpoints()).containsExactly(new ConnectionUrl.Endpoint("h1", 5673),
                new ConnectionUrl.Endpoint("h2", 5672), new ConnectionUrl.Endpoint("::1", 5674));
        assertThat(url.virtualHost()).isEqualTo("orders/eu");
        assertThat(url.intOption("prefetch", 0)).isEqualTo(50);
        assertThat(url.option("clientID")).isEqualTo("c1");
    }

    @Test
    void anAmqpUrlWithoutPathUsesTheDefaultVirtualHostAndPorts() {
        assertThat(ConnectionUrl.parse("amqp://localhost").virtualHost()).isEqualTo("/");
        assertThat(ConnectionUrl.parse("amqp://localhost/").virtualHost()).isEqualTo("/");
        assertThat(ConnectionUrl.parse("amqp://localhost/%2F").virtualHost()).isEqualTo("/");
        assertThat(ConnectionUrl.parse("amqp://localhost").endpoints().get(0).port()).isEqualTo(5672);
        ConnectionUrl tls = ConnectionUrl.parse("amqps://localhost?trustStore=/t.p12&verifyHost=false");
        assertThat(tls.isTls()).isTrue();
        assertThat(tls.endpoints().get(0).port()).isEqualTo(5671);
        assertThat(tls.booleanOption("verifyHost", true)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "amqp://|invalid host ''",
        "amqp://h:0|invalid port '0'",
        "amqp://h:abc|invalid port 'abc'",
        "amqp://h1,,h2|invalid host ''",
        "amqp://h/a/b|encode '/'",
        "amqp://h?dataDir=/tmp|unknown option 'dataDir'",
        "amqp://h?jmx=false|unknown option 'jmx'",
        "amqp://h?trustStore=/t.p12|unknown option 'trustStore'",
        "amqps://h?verifyHost=maybe|true or false",
        "amqp://h?heartbeat=-5|option heartbeat in connection URL 'amqp://h?heartbeat=-5' must be a whole number of at least 0",
        "amqp://[::1|closing ']'",
    })
    void malformedAmqpUrlsFailNamingTheProblem(String url, String message) {
        assertThatThrownBy(() -> ConnectionUrl.parse(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void userInfoPasswordsNeverAppearInMessages() {
        assertThatThrownBy(() -> ConnectionUrl.parse("amqp://u:s3cret@h?colour=red"))
                .hasMessageNotContaining("s3cret").hasMessageContaining("u:***@");
        assertThat(ConnectionUrl.parse("amqp://u:s3cret@h").toString()).doesNotContain("s3cret");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|was '0'",
        "-1|was '-1'",
        "ten|was 'ten'",
        "99999999999|was '99999999999'",
    })
    void aPrefetchBelowOneOrNotANumberFailsAtParseNamingTheOptionAndTheClosestSetting(String prefetch,
                                                                                       String was) {
        assertThatThrownBy(() -> ConnectionUrl.parse("vm://x?prefetch=" + prefetch))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("option prefetch in connection URL 'vm://x?prefetch=" + prefetch + "'")
                .hasMessageContaining("at least 1").hasMessageContaining(was)
                .hasMessageContaining("prefetch=1 holds the fewest");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "vm://x?dataDir=|dataDir",
        "vm://x?dataDir=%20%20|dataDir",
        "vm://x?sync=|sync",
        "vm://x?clientID=|clientID",
        "vm://x?virtualHost=|virtualHost",
        "vm://x?trustedPackages=|trustedPackages",
        "vm://x?jmx=|jmx",
        "vm://x?password=|password",
        "amqp://h?heartbeat=|heartbeat",
        "amqps://h?trustStore=|trustStore",
    })
    void anEmptyOrBlankOptionValueFailsNamingTheOption(String url, String option) {
        assertThatThrownBy(() -> ConnectionUrl.parse(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("option " + option + " in connection URL")
                .hasMessageContaining("is empty: give it a value, or leave it out for its default");
    }

    @Test
    void anOptionGivenTwiceFailsInsteadOfTheLastOneWinning() {
        assertThatThrownBy(() -> ConnectionUrl.parse("vm://x?prefetch=10&prefetch=20"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("option prefetch is given twice");
    }

    @Test
    void persistentTrueWithoutADataDirectoryFailsInsteadOfKeepingStateInMemory() {
        assertThatThrownBy(() -> ConnectionUrl.parse("vm://x?persistent=true"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("option persistent").hasMessageContaining("needs dataDir=PATH");
        assertThat(ConnectionUrl.parse("vm://x?persistent=true&dataDir=d").persistent()).isTrue();
    }

    @Test
    void anEmptyNameInTrustedPackagesFails() {
        assertThatThrownBy(() -> ConnectionUrl.parse("vm://x?trustedPackages=com.acme,,org.acme"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("option trustedPackages").hasMessageContaining("empty package name");
    }

    @Test
    void aMalformedPercentEscapeFailsNamingTheOptionWithoutTheDecodersMessage() {
        assertThatThrownBy(() -> ConnectionUrl.parse("vm://x?password=ab%zzcd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("option password").hasMessageContaining("malformed %-escape")
                .hasMessageNotContaining("zz").hasNoCause();
    }

    @Test
    void theBrokerOptionsAreThoseThatShapeAnInJvmBroker() {
        assertThat(ConnectionUrl.brokerOptions()).containsExactly("dataDir", "persistent", "sync", "jmx", "paging",
                "pagingWatermark", "queuePagingThreshold", "pagingMaxDisk", "pageFileSize", "pagingReadAhead", "users",
                "usersFile");
    }

    @Test
    void pagingOptionsTakeSizesWithUnits() {
        ConnectionUrl url = ConnectionUrl.parse("vm://x?paging=true&pagingWatermark=0.25&queuePagingThreshold=8MiB"
                + "&pagingMaxDisk=2GB&pageFileSize=1024&pagingReadAhead=32");

        assertThat(url.option("queuePagingThreshold")).isEqualTo("8MiB");
        assertThat(url.option("pagingMaxDisk")).isEqualTo("2GB");
        assertThatThrownBy(() -> ConnectionUrl.parse("amqp://h?paging=false"))
                .hasMessageContaining("unknown option 'paging'");
    }
}
