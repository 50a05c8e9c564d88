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
    void persistentFalseWinsOverADataDirectory() {
        assertThat(ConnectionUrl.parse("vm://x?dataDir=/tmp/d&persistent=false").persistent()).isFalse();
        assertThat(ConnectionUrl.parse("vm://x").persistent()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tcp://host:61616|only vm://NAME",
        "vm://|invalid broker name",
        "vm://a b|invalid broker name",
        "vm://x?colour=red|unknown option 'colour'",
        "vm://x?prefetch|expected NAME=VALUE",
        "vm://x?prefetch=-1|non-negative integer",
        "vm://x?sync=sometimes|always, batched or never",
        "vm://x?persistent=maybe|true or false",
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
}
