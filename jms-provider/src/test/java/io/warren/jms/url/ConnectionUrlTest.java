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
        "vm://x?prefetch=-1|non-negative integer",
        "vm://x?sync=sometimes|always, batched or never",
        "vm://x?persistent=maybe|true or false",
        "vm://x?jmx=yes|option jmx must be true or false",
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
        "amqp://h?heartbeat=-5|non-negative integer",
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
}
