package io.warren.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Property names must be message selector identifiers. */
class PropertyNameValidationTest {
    private final WarrenMessage m = new WarrenMessage();

    @Test
    void aNullNameIsRefused() {
        assertThatThrownBy(() -> m.setIntProperty(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.setObjectProperty(null, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyNameIsRefused() {
        assertThatThrownBy(() -> m.setStringProperty("", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1abc", "a-b", "a b", "a.b", "a'b", "-", "a+", "é-x", "a=b"})
    void aNameThatIsNotAnIdentifierIsRefused(String name) {
        assertThatThrownBy(() -> m.setBooleanProperty(name, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE",
            "null", "True", "between", "escape"})
    void aReservedWordOfTheSelectorLanguageIsRefused(String name) {
        assertThatThrownBy(() -> m.setStringProperty(name, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reserved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "_x", "$x", "a1", "JMSXGroupID", "JMS_vendor_thing", "Ünïcödé", "ISO", "INSIDE",
            "nullable", "order_id"})
    void anIdentifierIsAccepted(String name) throws JMSException {
        m.setIntProperty(name, 1);
        assertThat(m.getIntProperty(name)).isEqualTo(1);
    }

    @Test
    void aRefusedNameLeavesNoProperty() {
        assertThatThrownBy(() -> m.setIntProperty("a-b", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(m.propertyExists("a-b")).isFalse();
    }
}
