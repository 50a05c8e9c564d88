package io.warren.server.amqp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class ReplyCodesTest {

    @Test
    void everyConstantIsNamedAfterItself() throws IllegalAccessException {
        int count = 0;
        for (Field field : ReplyCodes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                assertThat(ReplyCodes.name(field.getInt(null))).isEqualTo(field.getName());
                count++;
            }
        }
        assertThat(count).isEqualTo(19);
    }

    @Test
    void unknownCodesGetAPlaceholderName() {
        assertThat(ReplyCodes.name(999)).isEqualTo("UNKNOWN_999");
    }

    @Test
    void fiveHundredsAndConnectionForcedAreHardErrors() {
        assertThat(ReplyCodes.isHardError(ReplyCodes.FRAME_ERROR)).isTrue();
        assertThat(ReplyCodes.isHardError(ReplyCodes.CONNECTION_FORCED)).isTrue();
        assertThat(ReplyCodes.isHardError(ReplyCodes.NOT_FOUND)).isFalse();
        assertThat(ReplyCodes.isHardError(ReplyCodes.NO_ROUTE)).isFalse();
    }

    @Test
    void codecExceptionCarriesItsReplyCodeAndMessage() {
        AmqpCodecException e = new AmqpCodecException(ReplyCodes.SYNTAX_ERROR, "bad field");

        assertThat(e.replyCode()).isEqualTo(502);
        assertThat(e.getMessage()).isEqualTo("bad field");
        assertThat(e).hasToString("AmqpCodecException[502 SYNTAX_ERROR]: bad field");
    }
}
