package io.warren.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SaslMechanismsTest {

    private final SaslMechanisms mechanisms = SaslMechanisms.standard();

    @Test
    void announcesPlainThenAmqPlain() {
        assertThat(mechanisms.announced()).isEqualTo("PLAIN AMQPLAIN");
        assertThat(mechanisms.all()).extracting(SaslMechanism::name).containsExactly("PLAIN", "AMQPLAIN");
    }

    @Test
    void looksMechanismsUpByName() throws Exception {
        assertThat(mechanisms.lookup("PLAIN")).isInstanceOf(PlainMechanism.class);
        assertThat(mechanisms.lookup("AMQPLAIN")).isInstanceOf(AmqPlainMechanism.class);
    }

    @Test
    void anUnknownMechanismIsRefusedListingTheOffered() {
        assertThatThrownBy(() -> mechanisms.lookup("EXTERNAL"))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.replyCode()).isEqualTo(503))
                .hasMessage("COMMAND_INVALID - unsupported mechanism EXTERNAL; this server offers PLAIN AMQPLAIN");
    }

    @Test
    void aServerMayOfferASubset() throws Exception {
        SaslMechanisms plainOnly = new SaslMechanisms(List.of(new PlainMechanism()));

        assertThat(plainOnly.announced()).isEqualTo("PLAIN");
        assertThatThrownBy(() -> plainOnly.lookup("AMQPLAIN")).hasMessageEndingWith("this server offers PLAIN");
    }

    @Test
    void duplicateOrNoMechanismsAreRejected() {
        assertThatThrownBy(() -> new SaslMechanisms(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SaslMechanisms(List.of(new PlainMechanism(), new PlainMechanism())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
