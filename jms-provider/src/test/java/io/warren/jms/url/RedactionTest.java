package io.warren.jms.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Passwords never show in what a connection URL prints: its string form, {@link ConnectionUrl#redact}, and the
 * messages of a URL that fails to parse, even when the password holds characters that break the URL.
 */
class RedactionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // a password with an unencoded '/', '?', '@', '=' or '#'
        "amqp://bob:s3cr/et@host",
        "amqp://bob:s3cr?et@host",
        "amqp://bob:s3c@ret@host?prefetch=0",
        "amqp://bob:s3cr=et@host:99999",
        "amqp://bob:s3cr#et@ho st",
        "amqp://bob:123?s3cret=1@host",
        "amqp://bob:s3cr/et@host/vh/x",
        "vm://bob:s3cret@broker",
        // password options, on a URL that fails for another reason
        "vm://x?password=s3cret&colour=red",
        // inline users of an in-JVM broker, plain or percent-encoded, with a bad entry or another bad option
        "vm://x?users=bob:s3cret;al:ret&colour=red",
        "vm://x?users=bob%3As3cret%3Bal%3Aret&prefetch=0",
        "vm://x?users=bob:s3cret;s3cret",
        "vm://x?users=bob:s3cret;bob:s3cret",
        "vm://x?users=:s3cret",
        "vm://x?password=s3cret&prefetch=0",
        "amqps://h?trustStorePassword=s3cret&verifyHost=maybe",
        "amqps://h?keyStorePassword=s3cret&keyStorePassword=s3cret",
        "amqp://bob:s3cret@host?Password=s3cret&x",
        "tcp://bob:s3cret@host",
        "amqp:/bob:s3cret@host",
        "amqp//bob:s3cret@host",
    })
    void aMalformedUrlFailsWithAMessageThatHoldsNoPieceOfThePassword(String url) {
        assertThatThrownBy(() -> ConnectionUrl.parse(url)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3c", "cr", "et@", "ret"));
        assertThat(ConnectionUrl.redact(url)).doesNotContain("s3c");
    }

    @Test
    void aPasswordHoldingAnUnencodedSlashOrQuestionMarkGetsAMessageSayingToPercentEncodeIt() {
        assertThatThrownBy(() -> ConnectionUrl.parse("amqp://bob:s3cr/et@host"))
                .hasMessageContaining("'amqp://bob:***@host'").hasMessageContaining("%2F");
        assertThatThrownBy(() -> ConnectionUrl.parse("amqp://bob:s3cr?et@host"))
                .hasMessageContaining("'amqp://bob:***@host'").hasMessageContaining("%3F");
    }

    @Test
    void aValidUrlPrintsEverythingButItsPasswords() {
        ConnectionUrl url = ConnectionUrl.parse("amqps://bob:s3c@ret@h1:5671,h2/vh?clientID=app@corp"
                + "&trustStorePassword=s3cret&prefetch=5");
        assertThat(url.password()).isEqualTo("s3c@ret");
        assertThat(url.toString()).isEqualTo("amqps://bob:***@h1:5671,h2/vh?clientID=app@corp"
                + "&trustStorePassword=***&prefetch=5");
        assertThat(ConnectionUrl.redact(url.url())).isEqualTo(url.toString());
    }

    @Test
    void anAtSignInAnOptionOfAValidUrlIsNotTakenForAUserInfo() {
        String url = "amqp://rabbit:5672?user=bob@corp&password=s3cret";
        assertThat(ConnectionUrl.parse(url).user()).isEqualTo("bob@corp");
        assertThat(ConnectionUrl.redact(url)).isEqualTo("amqp://rabbit:5672?user=bob@corp&password=***");
    }

    @Test
    void textThatIsNoUrlIsMaskedFromTheFirstColonToTheLastAtSign() {
        assertThat(ConnectionUrl.redact("tcp://bob:s3cr/et@host:61616?x=y"))
                .isEqualTo("tcp://bob:***@host:61616?x=y");
        assertThat(ConnectionUrl.redact(null)).isNull();
    }
}
