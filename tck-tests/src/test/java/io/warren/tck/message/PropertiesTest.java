package io.warren.tck.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.tck.support.TckSupport;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Specification section 3.5 "Message properties" (except the conversion table, see PropertyConversionTest). */
@DisplayName("3.5 Message properties")
class PropertiesTest extends TckSupport {

    private Session session;
    private Queue queue;

    @BeforeEach
    void open() throws Exception {
        session = startedConnection().createSession();
        queue = queue();
    }

    private Message roundTrip(Message message) throws Exception {
        session.createProducer(queue).send(message);
        return receive(session.createConsumer(queue));
    }

    // ------------------------------------------------------------ 3.5.1 property names

    @ParameterizedTest(name = "3.5.1: property names must obey the rules for a message selector identifier: \"{0}\" is refused")
    @ValueSource(strings = {"1st", "a-b", "has space", "a.b", "x+y", "NULL", "TRUE", "FALSE", "NOT", "AND", "OR",
            "BETWEEN", "LIKE", "IN", "IS", "ESCAPE"})
    void nonIdentifierNamesAreRefused(String name) throws Exception {
        Message message = session.createMessage();
        assertThatThrownBy(() -> message.setStringProperty(name, "v"))
                .isInstanceOfAny(IllegalArgumentException.class, JMSException.class);
    }

    @ParameterizedTest(name = "3.5.1 / 3.8.1.1: \"{0}\" is a valid identifier (Java identifier start and part characters) and is accepted")
    @ValueSource(strings = {"_under", "$dollar", "camelCase9", "\u00fcnic\u00f6de", "JMSXGroupID"})
    void identifierNamesAreAccepted(String name) throws Exception {
        Message message = session.createMessage();
        message.setStringProperty(name, "v");
        assertThat(roundTrip(message).getStringProperty(name)).isEqualTo("v");
    }

    static Stream<Arguments> setters() {
        return Stream.of(
                Arguments.of("setBooleanProperty", (Setter) (m, n) -> m.setBooleanProperty(n, true)),
                Arguments.of("setByteProperty", (Setter) (m, n) -> m.setByteProperty(n, (byte) 1)),
                Arguments.of("setShortProperty", (Setter) (m, n) -> m.setShortProperty(n, (short) 1)),
                Arguments.of("setIntProperty", (Setter) (m, n) -> m.setIntProperty(n, 1)),
                Arguments.of("setLongProperty", (Setter) (m, n) -> m.setLongProperty(n, 1L)),
                Arguments.of("setFloatProperty", (Setter) (m, n) -> m.setFloatProperty(n, 1f)),
                Arguments.of("setDoubleProperty", (Setter) (m, n) -> m.setDoubleProperty(n, 1d)),
                Arguments.of("setStringProperty", (Setter) (m, n) -> m.setStringProperty(n, "1")),
                Arguments.of("setObjectProperty", (Setter) (m, n) -> m.setObjectProperty(n, 1)));
    }

    static Stream<Arguments> settersWithNullAndEmptyNames() {
        return setters().flatMap(a -> Stream.of(
                Arguments.of(a.get()[0], a.get()[1], null),
                Arguments.of(a.get()[0], a.get()[1], "")));
    }

    @ParameterizedTest(name = "Message: if a property name is null or an empty string, an IllegalArgumentException must be thrown ({0}, name \"{2}\")")
    @MethodSource("settersWithNullAndEmptyNames")
    void nullOrEmptyNameThrowsIllegalArgument(String setterName, Setter setter, String name) throws Exception {
        Message message = session.createMessage();
        assertThatThrownBy(() -> setter.set(message, name)).isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------ 3.5.5 property values as objects

    static Stream<Arguments> objectValues() {
        return Stream.of(Arguments.of(Boolean.TRUE), Arguments.of((byte) 5), Arguments.of((short) 6), Arguments.of(7),
                Arguments.of(8L), Arguments.of(9.5f), Arguments.of(10.25d), Arguments.of("eleven"));
    }

    @ParameterizedTest(name = "3.5.5: setObjectProperty accepts a {0} and getObjectProperty returns the same objectified type on receipt")
    @MethodSource("objectValues")
    void objectPropertiesKeepTheirType(Object value) throws Exception {
        Message message = session.createMessage();
        message.setObjectProperty("p", value);
        Object received = roundTrip(message).getObjectProperty("p");
        assertThat(received).isEqualTo(value).isExactlyInstanceOf(value.getClass());
    }

    static Stream<Arguments> invalidObjectValues() {
        return Stream.of(Arguments.of('c'), Arguments.of((Object) new byte[] {1}), Arguments.of(new Object()),
                Arguments.of(List.of("a")));
    }

    @ParameterizedTest(name = "3.5.5: setObjectProperty with any other class ({0}) must throw a MessageFormatException")
    @MethodSource("invalidObjectValues")
    void setObjectPropertyRefusesOtherClasses(Object value) throws Exception {
        Message message = session.createMessage();
        assertThatThrownBy(() -> message.setObjectProperty("p", value)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    @DisplayName("3.5.5: getObjectProperty returns null if a property by the specified name does not exist")
    void absentObjectPropertyIsNull() throws Exception {
        assertThat(roundTrip(session.createMessage()).getObjectProperty("absent")).isNull();
    }

    @Test
    @DisplayName("3.5.5: setObjectProperty / getObjectProperty support the same property value conversions (Integer set, read as long and String)")
    void objectPropertySupportsConversions() throws Exception {
        Message message = session.createMessage();
        message.setObjectProperty("n", 42);
        Message received = roundTrip(message);
        assertThat(received.getLongProperty("n")).isEqualTo(42L);
        assertThat(received.getStringProperty("n")).isEqualTo("42");
    }

    // ------------------------------------------------------------ 3.5.8 non-existent properties / null conversions

    static Stream<Arguments> absentReads() {
        return Stream.of(
                Arguments.of("getBooleanProperty", (Getter) (m, n) -> m.getBooleanProperty(n), Boolean.FALSE),
                Arguments.of("getByteProperty", (Getter) (m, n) -> m.getByteProperty(n), NumberFormatException.class),
                Arguments.of("getShortProperty", (Getter) (m, n) -> m.getShortProperty(n), NumberFormatException.class),
                Arguments.of("getIntProperty", (Getter) (m, n) -> m.getIntProperty(n), NumberFormatException.class),
                Arguments.of("getLongProperty", (Getter) (m, n) -> m.getLongProperty(n), NumberFormatException.class),
                Arguments.of("getFloatProperty", (Getter) (m, n) -> m.getFloatProperty(n), NullPointerException.class),
                Arguments.of("getDoubleProperty", (Getter) (m, n) -> m.getDoubleProperty(n), NullPointerException.class),
                Arguments.of("getStringProperty", (Getter) (m, n) -> m.getStringProperty(n), null));
    }

    @ParameterizedTest(name = "3.5.8 / 3.5.4: reading an unset property with {0} behaves as valueOf(null): {2}")
    @MethodSource("absentReads")
    void absentPropertyReadsAsValueOfNull(String getterName, Getter getter, Object expected) throws Exception {
        Message received = roundTrip(session.createMessage());
        if (expected instanceof Class<?> exception) {
            assertThatThrownBy(() -> getter.get(received, "absent")).isInstanceOf(exception);
        } else {
            assertThat(getter.get(received, "absent")).isEqualTo(expected);
        }
    }

    static Stream<Arguments> numericGetters() {
        return Stream.of(
                Arguments.of("getByteProperty", (Getter) (m, n) -> m.getByteProperty(n)),
                Arguments.of("getShortProperty", (Getter) (m, n) -> m.getShortProperty(n)),
                Arguments.of("getIntProperty", (Getter) (m, n) -> m.getIntProperty(n)),
                Arguments.of("getLongProperty", (Getter) (m, n) -> m.getLongProperty(n)),
                Arguments.of("getFloatProperty", (Getter) (m, n) -> m.getFloatProperty(n)),
                Arguments.of("getDoubleProperty", (Getter) (m, n) -> m.getDoubleProperty(n)));
    }

    @ParameterizedTest(name = "3.5.4: the String to numeric conversion {0} must throw NumberFormatException if valueOf does not accept the String")
    @MethodSource("numericGetters")
    void unparsableStringThrowsNumberFormat(String getterName, Getter getter) throws Exception {
        Message message = session.createMessage();
        message.setStringProperty("s", "not a number");
        Message received = roundTrip(message);
        assertThatThrownBy(() -> getter.get(received, "s")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    @DisplayName("3.5.4: the String to boolean conversion follows Boolean.valueOf (\"TRUE\" is true, \"yes\" is false)")
    void stringToBooleanFollowsValueOf() throws Exception {
        Message message = session.createMessage();
        message.setStringProperty("upper", "TRUE");
        message.setStringProperty("yes", "yes");
        Message received = roundTrip(message);
        assertThat(received.getBooleanProperty("upper")).isTrue();
        assertThat(received.getBooleanProperty("yes")).isFalse();
    }

    // ------------------------------------------------------------ 3.5.3 read-only properties, 3.5.6-3.5.7

    static Stream<Arguments> writesOnReceived() {
        return Stream.of(
                Arguments.of("setStringProperty", (Setter) (m, n) -> m.setStringProperty(n, "x")),
                Arguments.of("setIntProperty", (Setter) (m, n) -> m.setIntProperty(n, 1)),
                Arguments.of("setBooleanProperty", (Setter) (m, n) -> m.setBooleanProperty(n, true)),
                Arguments.of("setObjectProperty", (Setter) (m, n) -> m.setObjectProperty(n, 2.0)));
    }

    @ParameterizedTest(name = "3.5.3: when a client receives a message its properties are read-only; {0} throws MessageNotWriteableException")
    @MethodSource("writesOnReceived")
    void receivedPropertiesAreReadOnly(String setterName, Setter setter) throws Exception {
        Message message = session.createMessage();
        message.setStringProperty("existing", "v");
        Message received = roundTrip(message);
        assertThatThrownBy(() -> setter.set(received, "fresh")).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> setter.set(received, "existing")).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    @DisplayName("3.10: a consumer can modify a received message's properties after calling clearProperties")
    void clearPropertiesMakesReceivedPropertiesWritable() throws Exception {
        Message message = session.createMessage();
        message.setStringProperty("old", "v");
        Message received = roundTrip(message);
        received.clearProperties();
        received.setStringProperty("new", "w");
        assertThat(received.getStringProperty("new")).isEqualTo("w");
        assertThat(received.getStringProperty("old")).isNull();
    }

    @Test
    @DisplayName("3.5.6: getPropertyNames does not return the names of the Jakarta Messaging standard header fields")
    void propertyNamesExcludeHeaderFields() throws Exception {
        Message message = session.createMessage();
        message.setJMSType("type");
        message.setJMSCorrelationID("corr");
        message.setStringProperty("a", "1");
        message.setIntProperty("b", 2);
        List<Object> names = elements(roundTrip(message).getPropertyNames());
        assertThat(names).contains("a", "b").noneMatch(n -> n.toString().startsWith("JMS") && !n.toString().startsWith("JMSX"));
    }

    @Test
    @DisplayName("3.5.6: to iterate through a message's property values, use getPropertyNames and then the property get methods")
    void propertyIteration() throws Exception {
        Message message = session.createMessage();
        message.setStringProperty("s", "text");
        message.setLongProperty("l", 9L);
        message.setBooleanProperty("b", true);
        Message received = roundTrip(message);
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        for (Object name : elements(received.getPropertyNames())) {
            values.put((String) name, received.getObjectProperty((String) name));
        }
        assertThat(values).containsEntry("s", "text").containsEntry("l", 9L).containsEntry("b", true);
    }

    @Test
    @DisplayName("3.5.7: clearProperties leaves the message with an empty set of properties; new entries can then be created and read")
    void clearPropertiesEmptiesTheSet() throws Exception {
        Message message = session.createMessage();
        message.setStringProperty("a", "1");
        message.setIntProperty("b", 2);
        message.clearProperties();
        assertThat(elements(message.getPropertyNames())).isEmpty();
        assertThat(message.propertyExists("a")).isFalse();
        message.setStringProperty("c", "3");
        assertThat(message.getStringProperty("c")).isEqualTo("3");
    }

    @Test
    @DisplayName("3.5.7: clearing a message's property entries does not clear the value of its body")
    void clearPropertiesKeepsBody() throws Exception {
        TextMessage message = session.createTextMessage("body survives");
        message.setStringProperty("a", "1");
        message.clearProperties();
        assertThat(message.getText()).isEqualTo("body survives");
    }

    @Test
    @DisplayName("Message.propertyExists: indicates whether a property value exists")
    void propertyExistsReportsPresence() throws Exception {
        Message message = session.createMessage();
        message.setStringProperty("present", "yes");
        Message received = roundTrip(message);
        assertThat(received.propertyExists("present")).isTrue();
        assertThat(received.propertyExists("absent")).isFalse();
    }

    // ------------------------------------------------------------ 3.5.9 JMSX properties

    @Test
    @DisplayName("3.5.9: JMSXGroupID and JMSXGroupSeq are standard properties clients should use to group messages; all providers must support them")
    void groupPropertiesAreSupported() throws Exception {
        Message message = session.createMessage();
        message.setStringProperty("JMSXGroupID", "group-1");
        message.setIntProperty("JMSXGroupSeq", 3);
        Message received = roundTrip(message);
        assertThat(received.getStringProperty("JMSXGroupID")).isEqualTo("group-1");
        assertThat(received.getIntProperty("JMSXGroupSeq")).isEqualTo(3);
    }

    @Test
    @DisplayName("3.5.9 Table 3-3: JMSXDeliveryCount is of type int, set by the provider on receive")
    void deliveryCountIsAnInt() throws Exception {
        assertThat(roundTrip(session.createMessage()).getObjectProperty("JMSXDeliveryCount")).isEqualTo(1);
    }

    @Test
    @DisplayName("3.5.3: properties of a message being built are readable and writable before it is sent")
    void propertiesWritableBeforeSend() throws Exception {
        Message message = session.createMessage();
        assertThatCode(() -> {
            message.setStringProperty("a", "1");
            message.setStringProperty("a", "2");
        }).doesNotThrowAnyException();
        assertThat(message.getStringProperty("a")).isEqualTo("2");
    }

    @FunctionalInterface
    interface Setter {
        void set(Message message, String name) throws Exception;
    }

    @FunctionalInterface
    interface Getter {
        Object get(Message message, String name) throws Exception;
    }
}
