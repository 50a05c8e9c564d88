package io.warren.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Missing and null properties, String parsing, object properties and property enumeration. */
class PropertyValuesTest {
    private final WarrenMessage m = new WarrenMessage();

    @Test
    void aMissingPropertyReadsAsValueOfNull() throws JMSException {
        assertThat(m.getBooleanProperty("missing")).isFalse();
        assertThatThrownBy(() -> m.getByteProperty("missing")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getShortProperty("missing")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getIntProperty("missing")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getLongProperty("missing")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getFloatProperty("missing")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.getDoubleProperty("missing")).isInstanceOf(NullPointerException.class);
        assertThat(m.getStringProperty("missing")).isNull();
        assertThat(m.getObjectProperty("missing")).isNull();
        assertThat(m.propertyExists("missing")).isFalse();
    }

    @Test
    void aNullStringPropertyExistsAndReadsLikeAMissingOne() throws JMSException {
        m.setStringProperty("s", null);
        assertThat(m.propertyExists("s")).isTrue();
        assertThat(m.getStringProperty("s")).isNull();
        assertThat(m.getBooleanProperty("s")).isFalse();
        assertThatThrownBy(() -> m.getIntProperty("s")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getDoubleProperty("s")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aNullNameReadsAsMissing() throws JMSException {
        assertThat(m.getStringProperty(null)).isNull();
        assertThat(m.propertyExists(null)).isFalse();
        assertThat(Received.copyOf(m).getObjectProperty(null)).isNull();
    }

    @Test
    void aStringThatIsNotANumberFailsWithNumberFormatException() throws JMSException {
        m.setStringProperty("s", "twelve");
        assertThatThrownBy(() -> m.getIntProperty("s")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getLongProperty("s")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getDoubleProperty("s")).isInstanceOf(NumberFormatException.class);
        assertThat(m.getBooleanProperty("s")).isFalse();
    }

    @Test
    void aStringOutOfRangeForTheTypeFailsWithNumberFormatException() throws JMSException {
        m.setStringProperty("s", "300");
        assertThatThrownBy(() -> m.getByteProperty("s")).isInstanceOf(NumberFormatException.class);
        assertThat(m.getShortProperty("s")).isEqualTo((short) 300);
    }

    @Test
    void theLastSetWinsAndChangesTheType() throws JMSException {
        m.setIntProperty("p", 1);
        m.setStringProperty("p", "x");
        assertThat(m.getObjectProperty("p")).isEqualTo("x");
        assertThatThrownBy(() -> m.getIntProperty("p")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void objectPropertiesComeBackInTheirBoxedType() throws JMSException {
        m.setBooleanProperty("z", true);
        m.setByteProperty("b", (byte) 1);
        m.setShortProperty("s", (short) 2);
        m.setIntProperty("i", 3);
        m.setLongProperty("l", 4);
        m.setFloatProperty("f", 5f);
        m.setDoubleProperty("d", 6d);
        m.setStringProperty("t", "7");
        assertThat(m.getObjectProperty("z")).isEqualTo(Boolean.TRUE);
        assertThat(m.getObjectProperty("b")).isEqualTo((byte) 1);
        assertThat(m.getObjectProperty("s")).isEqualTo((short) 2);
        assertThat(m.getObjectProperty("i")).isEqualTo(3);
        assertThat(m.getObjectProperty("l")).isEqualTo(4L);
        assertThat(m.getObjectProperty("f")).isEqualTo(5f);
        assertThat(m.getObjectProperty("d")).isEqualTo(6d);
        assertThat(m.getObjectProperty("t")).isEqualTo("7");
    }

    @Test
    void setObjectPropertyAcceptsTheEightPropertyTypes() throws JMSException {
        for (Object v : List.of(true, (byte) 1, (short) 1, 1, 1L, 1f, 1d, "1")) {
            m.setObjectProperty("p", v);
            assertThat(m.getObjectProperty("p")).isEqualTo(v);
        }
    }

    @Test
    void setObjectPropertyWithNullSetsANullProperty() throws JMSException {
        m.setObjectProperty("p", null);
        assertThat(m.propertyExists("p")).isTrue();
        assertThat(m.getObjectProperty("p")).isNull();
    }

    @Test
    void setObjectPropertyRefusesOtherTypes() {
        for (Object v : List.of('c', new byte[1], List.of(), new Object(), new StringBuilder("x"))) {
            assertThatThrownBy(() -> m.setObjectProperty("p", v)).isInstanceOf(MessageFormatException.class);
        }
        assertThat(m.propertyExists("p")).isFalse();
    }

    @Test
    void objectPropertiesConvertLikeTypedOnes() throws JMSException {
        m.setObjectProperty("p", 12);
        assertThat(m.getLongProperty("p")).isEqualTo(12L);
        assertThatThrownBy(() -> m.getShortProperty("p")).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void getPropertyNamesListsEverySetPropertyOnce() throws JMSException {
        m.setIntProperty("a", 1);
        m.setStringProperty("b", "x");
        m.setIntProperty("a", 2);
        assertThat(Collections.list(m.getPropertyNames())).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void getPropertyNamesIsASnapshot() throws JMSException {
        m.setIntProperty("a", 1);
        var names = m.getPropertyNames();
        m.setIntProperty("b", 2);
        assertThat(Collections.list(names)).containsExactly("a");
    }

    @Test
    void headerFieldsAreNotProperties() throws JMSException {
        m.setJMSType("t");
        m.setJMSCorrelationID("c");
        assertThat(Collections.list(m.getPropertyNames())).isEmpty();
        assertThat(m.propertyExists("JMSType")).isFalse();
    }

    @Test
    void clearPropertiesRemovesAllOfThem() throws JMSException {
        m.setIntProperty("a", 1);
        m.setStringProperty("JMSXGroupID", "g");
        m.clearProperties();
        assertThat(Collections.list(m.getPropertyNames())).isEmpty();
        assertThat(m.propertyExists("a")).isFalse();
    }

    @Test
    void clearPropertiesDoesNotTouchHeadersOrBody() throws JMSException {
        WarrenTextMessage t = new WarrenTextMessage("body");
        t.setJMSType("type");
        t.setIntProperty("a", 1);
        t.clearProperties();
        assertThat(t.getText()).isEqualTo("body");
        assertThat(t.getJMSType()).isEqualTo("type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"JMSXGroupID", "JMSXGroupSeq"})
    void theApplicationMaySetTheGroupProperties(String name) throws JMSException {
        m.setObjectProperty(name, name.endsWith("Seq") ? (Object) 3 : "group-1");
        assertThat(m.propertyExists(name)).isTrue();
        assertThat(Collections.list(m.getPropertyNames())).contains(name);
    }

    @Test
    void groupPropertiesTravelAsHeaders() throws JMSException {
        m.setStringProperty("JMSXGroupID", "g");
        m.setIntProperty("JMSXGroupSeq", 2);
        assertThat(Received.published(m).headers()).containsEntry("JMSXGroupID", "g").containsEntry("JMSXGroupSeq", 2);
        WarrenMessage r = Received.copyOf(m);
        assertThat(r.getStringProperty("JMSXGroupID")).isEqualTo("g");
        assertThat(r.getIntProperty("JMSXGroupSeq")).isEqualTo(2);
    }

    @Test
    void userAndAppIdReadAsJmsxProperties() throws JMSException {
        m.setStringProperty("JMSXUserID", "alice");
        m.setStringProperty("JMSXAppID", "billing");
        var published = Received.published(m);
        assertThat(published.userId()).isEqualTo("alice");
        assertThat(published.appId()).isEqualTo("billing");
        assertThat(published.headers()).isEmpty();
        WarrenMessage r = Received.of(published);
        assertThat(r.getStringProperty("JMSXUserID")).isEqualTo("alice");
        assertThat(r.getObjectProperty("JMSXAppID")).isEqualTo("billing");
        assertThat(Collections.list(r.getPropertyNames())).contains("JMSXUserID", "JMSXAppID");
    }

    @Test
    void jmsxUserIdMustBeAString() {
        assertThatThrownBy(() -> m.setIntProperty("JMSXUserID", 1)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void aNewMessageHasNoDeliveryCount() throws JMSException {
        assertThat(m.propertyExists("JMSXDeliveryCount")).isFalse();
        assertThatThrownBy(() -> m.getIntProperty("JMSXDeliveryCount")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void theDeliveryCountComesFromTheDelivery() throws JMSException {
        WarrenMessage r = MessageMapper.fromBroker(Received.delivery(Received.published(m), 3),
                ObjectMessagePolicy.defaults());
        assertThat(r.getIntProperty("JMSXDeliveryCount")).isEqualTo(3);
        assertThat(r.getLongProperty("JMSXDeliveryCount")).isEqualTo(3L);
        assertThat(r.getStringProperty("JMSXDeliveryCount")).isEqualTo("3");
        assertThat(r.propertyExists("JMSXDeliveryCount")).isTrue();
        assertThat(Collections.list(r.getPropertyNames())).contains("JMSXDeliveryCount");
    }

    @Test
    void theDeliveryCountIsNotSent() throws JMSException {
        WarrenMessage r = MessageMapper.fromBroker(Received.delivery(Received.published(m), 3),
                ObjectMessagePolicy.defaults());
        assertThat(Received.published(r).headers()).doesNotContainKey("JMSXDeliveryCount");
    }

    @Test
    void clearPropertiesAlsoClearsTheJmsxValues() throws JMSException {
        m.setStringProperty("JMSXUserID", "alice");
        WarrenMessage r = Received.copyOf(m);
        r.clearProperties();
        assertThat(r.propertyExists("JMSXDeliveryCount")).isFalse();
        assertThat(r.getStringProperty("JMSXUserID")).isNull();
    }
}
