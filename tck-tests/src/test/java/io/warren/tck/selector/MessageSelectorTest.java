package io.warren.tck.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.tck.support.TckSupport;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Section 3.8 "Message selection", evaluated by the provider for a queue consumer.
 *
 * <p>
 * How a row is checked without waiting for a timeout: the candidate message is sent, then a sentinel message (lowest
 * priority, property {@code sentinel = TRUE}), and the consumer uses {@code (SELECTOR) OR sentinel = TRUE}. The
 * candidate has no {@code sentinel} property, so for it the added term is unknown and the wrapped selector is true
 * exactly when SELECTOR is true (T OR U = T, F OR U = U, U OR U = U); the sentinel always matches. The first message
 * received is therefore the candidate if and only if SELECTOR selects it.
 */
@DisplayName("3.8 Message selection")
class MessageSelectorTest extends TckSupport {

    static Arguments row(String sentence, String selector, Props props, boolean selected) {
        return Arguments.of(sentence, selector, props, selected);
    }

    static Props none() {
        return m -> { };
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                // literals, identifiers, comparison
                row("3.8.1.1: a string literal is enclosed in single quotes", "color = 'blue'", m -> m.setStringProperty("color", "blue"), true),
                row("3.8.1.1: two strings are equal if and only if they contain the same sequence of characters", "color = 'blue'", m -> m.setStringProperty("color", "red"), false),
                row("3.8.1.1: two strings are equal iff same characters (case matters in values)", "color = 'Blue'", m -> m.setStringProperty("color", "blue"), false),
                row("3.8.1.1: <> (not equal) for strings", "color <> 'blue'", m -> m.setStringProperty("color", "red"), true),
                row("3.8.1.1: an included single quote is represented by a doubled single quote", "name = 'O''Brien'", m -> m.setStringProperty("name", "O'Brien"), true),
                row("3.8.1.1: the spec example JMSType = 'car' AND color = 'blue' AND weight > 2500 selects a blue car of 3000", "JMSType = 'car' AND color = 'blue' AND weight > 2500", m -> {
                    m.setJMSType("car");
                    m.setStringProperty("color", "blue");
                    m.setIntProperty("weight", 3000);
                }, true),
                row("3.8.1.1: the spec example does not select a blue car of 2000", "JMSType = 'car' AND color = 'blue' AND weight > 2500", m -> {
                    m.setJMSType("car");
                    m.setStringProperty("color", "blue");
                    m.setIntProperty("weight", 2000);
                }, false),
                row("3.8.1.1: conversions of property getters do not apply in selectors: String '2' in NumberOfOrders > 1 is false", "NumberOfOrders > 1", m -> m.setStringProperty("NumberOfOrders", "2"), false),
                row("3.8.1.1: the type of a property in a selector is the type used to set it (int 2 > 1)", "NumberOfOrders > 1", m -> m.setIntProperty("NumberOfOrders", 2), true),
                row("3.8.1.1: identifiers are case sensitive", "Color = 'blue'", m -> m.setStringProperty("color", "blue"), false),
                row("3.8.1.1: predefined selector literals and operator names are case insensitive", "color = 'blue' and size between 1 and 3 or false", m -> {
                    m.setStringProperty("color", "blue");
                    m.setIntProperty("size", 2);
                }, true),
                row("3.8.1.1: whitespace is space, horizontal tab, form feed and line terminator", "color\t=\f'blue'\nAND\r\nsize = 2", m -> {
                    m.setStringProperty("color", "blue");
                    m.setIntProperty("size", 2);
                }, true),
                row("3.8.1.1: an exact numeric literal such as 57", "n = 57", m -> m.setIntProperty("n", 57), true),
                row("3.8.1.1: an exact numeric literal such as -957", "n = -957", m -> m.setIntProperty("n", -957), true),
                row("3.8.1.1: an exact numeric literal such as +62", "n = +62", m -> m.setIntProperty("n", 62), true),
                row("3.8.1.1: exact numeric literals use the Java integer literal syntax: a leading zero makes 035 octal (29)", "n = 035", m -> m.setLongProperty("n", 29), true),
                row("3.8.1.1: exact numeric literals use the Java integer literal syntax: 035 is not 35", "n = 035", m -> m.setLongProperty("n", 35), false),
                row("3.8.1.1: exact numeric literals use the Java integer literal syntax: hexadecimal 0x1d (29)", "n = 0x1d", m -> m.setLongProperty("n", 29), true),
                row("3.8.1.1: approximate numeric literals use the Java floating-point literal syntax: 035.5 is decimal", "x = 035.5", m -> m.setDoubleProperty("x", 35.5), true),
                row("3.8.1.1: numbers in the range of Java long are supported", "n = 5000000000", m -> m.setLongProperty("n", 5_000_000_000L), true),
                row("3.8.1.1: an approximate numeric literal in scientific notation such as 7E3", "x = 7E3", m -> m.setDoubleProperty("x", 7000d), true),
                row("3.8.1.1: an approximate numeric literal such as -57.9E2", "x = -57.9E2", m -> m.setDoubleProperty("x", -5790d), true),
                row("3.8.1.1: an approximate numeric literal with a decimal such as 7.", "x = 7.", m -> m.setDoubleProperty("x", 7d), true),
                row("3.8.1.1: it is valid to compare exact and approximate numeric values (Java numeric promotion)", "n = 5.0", m -> m.setIntProperty("n", 5), true),
                row("3.8.1.1: byte, short and float properties are numeric values in comparisons", "b = 7 AND s = 300 AND f = 1.5", m -> {
                    m.setByteProperty("b", (byte) 7);
                    m.setShortProperty("s", (short) 300);
                    m.setFloatProperty("f", 1.5f);
                }, true),
                row("3.8.1.1: the boolean literal TRUE", "flag = TRUE", m -> m.setBooleanProperty("flag", true), true),
                row("3.8.1.1: the boolean literal FALSE", "flag = FALSE", m -> m.setBooleanProperty("flag", true), false),
                row("3.8.1.1: boolean comparison is restricted to = and <>, and a comparison is a boolean value", "(n > 1) = TRUE", m -> m.setIntProperty("n", 2), true),
                row("3.8.1.1: conditional expressions include identifiers with boolean values", "flag", m -> m.setBooleanProperty("flag", true), true),
                row("3.8.1.1: if the comparison of non-like type values is attempted, the value of the operation is false", "color = 5", m -> m.setStringProperty("color", "blue"), false),
                row("3.8.1.1: the comparison of non-like types is false, not unknown, so NOT of it is true", "NOT (color = 5)", m -> m.setStringProperty("color", "blue"), true),
                // BETWEEN
                row("3.8.1.1: age BETWEEN 15 AND 19 is equivalent to age >= 15 AND age <= 19 (17)", "age BETWEEN 15 AND 19", m -> m.setIntProperty("age", 17), true),
                row("3.8.1.1: age BETWEEN 15 AND 19 includes its bounds (15)", "age BETWEEN 15 AND 19", m -> m.setIntProperty("age", 15), true),
                row("3.8.1.1: age BETWEEN 15 AND 19 is false for 20", "age BETWEEN 15 AND 19", m -> m.setIntProperty("age", 20), false),
                row("3.8.1.1: age NOT BETWEEN 15 AND 19 is equivalent to age < 15 OR age > 19 (20)", "age NOT BETWEEN 15 AND 19", m -> m.setIntProperty("age", 20), true),
                row("3.8.1.1: age NOT BETWEEN 15 AND 19 is false for 17", "age NOT BETWEEN 15 AND 19", m -> m.setIntProperty("age", 17), false),
                // IN
                row("3.8.1.1: Country IN ('UK', 'US', 'France') is true for 'UK'", "Country IN ('UK', 'US', 'France')", m -> m.setStringProperty("Country", "UK"), true),
                row("3.8.1.1: Country IN ('UK', 'US', 'France') is false for 'Peru'", "Country IN ('UK', 'US', 'France')", m -> m.setStringProperty("Country", "Peru"), false),
                row("3.8.1.1: Country NOT IN ('UK', 'US', 'France') is false for 'UK'", "Country NOT IN ('UK', 'US', 'France')", m -> m.setStringProperty("Country", "UK"), false),
                row("3.8.1.1: Country NOT IN ('UK', 'US', 'France') is true for 'Peru'", "Country NOT IN ('UK', 'US', 'France')", m -> m.setStringProperty("Country", "Peru"), true),
                row("3.8.1.1: if the identifier of an IN or NOT IN operation is NULL, the value of the operation is unknown", "Country NOT IN ('UK', 'US')", none(), false),
                row("3.8.1.1: IN is a comparison where the identifier has a String or NULL value: NOT IN does not select an int", "Country NOT IN ('foo', 'jms', 'test')", m -> m.setIntProperty("Country", 0), false),
                row("3.8.1.1: IN on an int is unknown, not false, so NOT (... IN ...) does not select it either", "NOT (Country IN ('foo'))", m -> m.setIntProperty("Country", 0), false),
                // LIKE
                row("3.8.1.1: phone LIKE '12%3' is true for '123'", "phone LIKE '12%3'", m -> m.setStringProperty("phone", "123"), true),
                row("3.8.1.1: phone LIKE '12%3' is true for '12993'", "phone LIKE '12%3'", m -> m.setStringProperty("phone", "12993"), true),
                row("3.8.1.1: phone LIKE '12%3' is false for '1234'", "phone LIKE '12%3'", m -> m.setStringProperty("phone", "1234"), false),
                row("3.8.1.1: word LIKE 'l_se' is true for 'lose'", "word LIKE 'l_se'", m -> m.setStringProperty("word", "lose"), true),
                row("3.8.1.1: word LIKE 'l_se' is false for 'loose'", "word LIKE 'l_se'", m -> m.setStringProperty("word", "loose"), false),
                row("3.8.1.1: underscored LIKE '\\_%' ESCAPE '\\' is true for '_foo'", "underscored LIKE '\\_%' ESCAPE '\\'", m -> m.setStringProperty("underscored", "_foo"), true),
                row("3.8.1.1: underscored LIKE '\\_%' ESCAPE '\\' is false for 'bar'", "underscored LIKE '\\_%' ESCAPE '\\'", m -> m.setStringProperty("underscored", "bar"), false),
                row("3.8.1.1: phone NOT LIKE '12%3' is false for '123'", "phone NOT LIKE '12%3'", m -> m.setStringProperty("phone", "123"), false),
                row("3.8.1.1: phone NOT LIKE '12%3' is true for '1234'", "phone NOT LIKE '12%3'", m -> m.setStringProperty("phone", "1234"), true),
                row("3.8.1.1: if the identifier of a LIKE or NOT LIKE operation is NULL, the value of the operation is unknown", "phone NOT LIKE '12%3'", none(), false),
                row("3.8.1.1: LIKE is a comparison where the identifier has a String value: LIKE does not select an int", "phone LIKE '1_3'", m -> m.setIntProperty("phone", 123), false),
                row("3.8.1.1: LIKE on an int is unknown, so NOT LIKE does not select it either", "phone NOT LIKE 'x%'", m -> m.setIntProperty("phone", 123), false),
                // IS NULL
                row("3.8.1.1: prop_name IS NULL tests for a missing property value", "prop_name IS NULL", none(), true),
                row("3.8.1.1: prop_name IS NULL is false for a present property", "prop_name IS NULL", m -> m.setStringProperty("prop_name", "x"), false),
                row("3.8.1.1: prop_name IS NOT NULL tests for the existence of a property value", "prop_name IS NOT NULL", m -> m.setIntProperty("prop_name", 0), true),
                row("3.8.1.1: prop_name IS NOT NULL is false for a missing property", "prop_name IS NOT NULL", none(), false),
                // NULL values and three-valued logic (3.8.1.2)
                row("3.8.1.1: if a property that does not exist is referenced, its value is NULL (comparison is unknown)", "missing = 1", none(), false),
                row("3.8.1.2 Table 3-6: NOT unknown is unknown", "NOT (missing = 1)", none(), false),
                row("3.8.1.2: comparison or arithmetic with an unknown value always yields an unknown value", "missing + 1 > 0 OR NOT (missing + 1 > 0)", none(), false),
                row("3.8.1.2 Table 3-5: unknown OR true is true", "missing = 1 OR a = 1", m -> m.setIntProperty("a", 1), true),
                row("3.8.1.2 Table 3-5: unknown OR false is unknown", "missing = 1 OR a = 2", m -> m.setIntProperty("a", 1), false),
                row("3.8.1.2 Table 3-4: unknown AND false is false, so NOT of it is true", "NOT (missing = 1 AND a = 2)", m -> m.setIntProperty("a", 1), true),
                row("3.8.1.2 Table 3-4: unknown AND true is unknown", "missing = 1 AND a = 1", m -> m.setIntProperty("a", 1), false),
                // arithmetic and precedence
                row("3.8.1.1: arithmetic expressions with identifiers and numeric literals", "price * 2 > 10", m -> m.setIntProperty("price", 6), true),
                row("3.8.1.1: * and / take precedence over + and -", "a + b * c = 7", m -> {
                    m.setIntProperty("a", 1);
                    m.setIntProperty("b", 2);
                    m.setIntProperty("c", 3);
                }, true),
                row("3.8.1.1: standard bracketing () for ordering expression evaluation is supported", "(a + b) * c = 9", m -> {
                    m.setIntProperty("a", 1);
                    m.setIntProperty("b", 2);
                    m.setIntProperty("c", 3);
                }, true),
                row("3.8.1.1: unary minus", "-a = -1", m -> m.setIntProperty("a", 1), true),
                row("3.8.1.1: arithmetic operations must use Java numeric promotion (double division)", "d / 2 = 0.5", m -> m.setDoubleProperty("d", 1d), true),
                row("3.8.1.1: logical operators in precedence order NOT, AND, OR (AND binds tighter than OR)", "a = 1 OR a = 2 AND b = 3", m -> {
                    m.setIntProperty("a", 1);
                    m.setIntProperty("b", 0);
                }, true),
                row("3.8.1.1: logical operators in precedence order NOT, AND, OR (NOT binds tighter than AND)", "NOT a = 1 AND b = 2", m -> {
                    m.setIntProperty("a", 2);
                    m.setIntProperty("b", 3);
                }, false),
                // header fields and JMSX
                row("3.8.1.1: header field reference JMSPriority", "JMSPriority > 5", m -> m.setIntProperty("priority", 7), true),
                row("3.8.1.3: JMSDeliveryMode is treated as having the values 'PERSISTENT' and 'NON_PERSISTENT'", "JMSDeliveryMode = 'PERSISTENT'", none(), true),
                row("3.8.1.3: a PERSISTENT message does not match JMSDeliveryMode = 'NON_PERSISTENT'", "JMSDeliveryMode = 'NON_PERSISTENT'", none(), false),
                row("3.8.1.1: header field reference JMSCorrelationID", "JMSCorrelationID = 'corr-1'", m -> m.setJMSCorrelationID("corr-1"), true),
                row("3.8.1.1: JMSCorrelationID may be null and is then treated as a NULL value", "JMSCorrelationID IS NULL", none(), true),
                row("3.8.1.1: JMSType may be null and is then treated as a NULL value", "JMSType IS NULL", none(), true),
                row("3.8.1.1: header field reference JMSMessageID", "JMSMessageID LIKE 'ID:%'", none(), true),
                row("3.8.1.1: header field reference JMSTimestamp (a millisecond value)", "JMSTimestamp > 1000000000000", none(), true),
                row("3.8.1.1: any name beginning with 'JMSX' is a Jakarta Messaging defined property name", "JMSXGroupID = 'g1'", m -> m.setStringProperty("JMSXGroupID", "g1"), true));
    }

    @ParameterizedTest(name = "{0}: \"{1}\" selects = {3}")
    @MethodSource("rows")
    void selectorSelects(String sentence, String selector, Props props, boolean selected) throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        MessageProducer producer = session.createProducer(queue);
        TextMessage candidate = session.createTextMessage("candidate");
        props.apply(candidate);
        int priority = candidate.propertyExists("priority") ? candidate.getIntProperty("priority") : 4;
        producer.send(candidate, DeliveryMode.PERSISTENT, priority, 0);
        TextMessage sentinel = session.createTextMessage("sentinel");
        sentinel.setBooleanProperty("sentinel", true);
        producer.send(sentinel, DeliveryMode.PERSISTENT, 0, 0);
        MessageConsumer consumer = session.createConsumer(queue, "(" + selector + ") OR sentinel = TRUE");
        assertThat(receiveText(consumer)).isEqualTo(selected ? "candidate" : "sentinel");
    }

    // ------------------------------------------------------------ empty and null selectors

    @Test
    @DisplayName("3.8.1.1: if the value of a message selector is an empty string, it is treated as null: no message selector")
    void emptySelectorSelectsEverything() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        sendText(session, queue, "any");
        MessageConsumer consumer = session.createConsumer(queue, "");
        assertThat(receiveText(consumer)).isEqualTo("any");
        assertThat(consumer.getMessageSelector()).isNullOrEmpty();
    }

    @Test
    @DisplayName("3.8.1.1: a null message selector indicates that there is no message selector for the consumer")
    void nullSelectorSelectsEverything() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        sendText(session, queue, "any");
        MessageConsumer consumer = session.createConsumer(queue, null);
        assertThat(receiveText(consumer)).isEqualTo("any");
        assertThat(consumer.getMessageSelector()).isNull();
    }

    @Test
    @DisplayName("MessageConsumer.getMessageSelector: returns this consumer's message selector expression")
    void getMessageSelectorReturnsExpression() throws Exception {
        MessageConsumer consumer = connection().createSession().createConsumer(queue(), "color = 'blue'");
        assertThat(consumer.getMessageSelector()).isEqualTo("color = 'blue'");
    }

    // ------------------------------------------------------------ 4.1.2 / 4.2.2 semantics of "not delivered"

    @Test
    @DisplayName("4.1.2: messages which are not selected remain on the queue or are delivered to another consumer")
    void unselectedMessagesRemainOnQueue() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        MessageProducer producer = session.createProducer(queue);
        for (String color : new String[] {"red", "blue", "red"}) {
            TextMessage message = session.createTextMessage(color);
            message.setStringProperty("color", color);
            producer.send(message);
        }
        MessageConsumer blue = session.createConsumer(queue, "color = 'blue'");
        assertThat(receiveText(blue)).isEqualTo("blue");
        assertNoMessage(blue);
        MessageConsumer all = connection.createSession().createConsumer(queue);
        assertThat(receiveText(all)).isEqualTo("red");
        assertThat(receiveText(all)).isEqualTo("red");
    }

    @Test
    @DisplayName("4.2.2: if a message selector is specified, only those messages whose properties match it are added to the subscription")
    void topicSubscriptionOnlyGetsSelectedMessages() throws Exception {
        Topic topic = topic();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        MessageConsumer subscriber = session.createConsumer(topic, "n >= 2");
        MessageProducer producer = session.createProducer(topic);
        for (int n = 0; n < 4; n++) {
            Message message = session.createTextMessage("n" + n);
            message.setIntProperty("n", n);
            producer.send(message);
        }
        assertThat(receiveText(subscriber)).isEqualTo("n2");
        assertThat(receiveText(subscriber)).isEqualTo("n3");
        assertNoMessage(subscriber);
    }

    @Test
    @DisplayName("3.8.1: only messages whose headers and properties match the selector are delivered (JMSContext consumer)")
    void jmsContextConsumerSelector() throws Exception {
        Queue queue = queue();
        JMSContext context = context();
        context.createProducer().setProperty("kind", "skip").send(queue, "skipped");
        context.createProducer().setProperty("kind", "take").send(queue, "taken");
        assertThat(context.createConsumer(queue, "kind = 'take'").receiveBody(String.class, RECEIVE_TIMEOUT)).isEqualTo("taken");
    }

    @Test
    @DisplayName("3.8.1.1: a selector on JMSMessageID selects the message with that provider-assigned ID")
    void selectByMessageId() throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        MessageProducer producer = session.createProducer(queue);
        producer.send(session.createTextMessage("other"));
        TextMessage wanted = session.createTextMessage("wanted");
        producer.send(wanted);
        producer.send(session.createTextMessage("another"));
        MessageConsumer consumer = session.createConsumer(queue, "JMSMessageID = '" + wanted.getJMSMessageID() + "'");
        assertThat(receiveText(consumer)).isEqualTo("wanted");
        assertNoMessage(consumer);
    }

    // ------------------------------------------------------------ invalid selectors

    @ParameterizedTest(name = "3.8.1.1: a syntactically incorrect selector (\"{0}\") must result in an InvalidSelectorException")
    @ValueSource(strings = {"color = ", "color == 'blue'", "(color = 'blue'", "color = 'blue' AND", "color IN ()",
            "SELECT * FROM t", "color = 'unterminated", "AND = 1", "x BETWEEN 1", "1 +", "color LIKE", "a <> <> b",
            "TRUE = 0", "FALSE = 0", "'a' = 1", "(a = 1) = 2", "'a' + 1 = 2", "TRUE > FALSE", "n = 09", "n = 018L"})
    void syntaxErrorThrowsInvalidSelector(String selector) throws Exception {
        Session session = connection().createSession();
        Queue queue = queue();
        assertThatThrownBy(() -> session.createConsumer(queue, selector)).isInstanceOf(InvalidSelectorException.class);
    }

    static Stream<Arguments> classicSelectorMethods() {
        return Stream.of(
                Arguments.of("Session.createConsumer(destination, selector, noLocal)", (Classic) (c, s, q, t, sel) -> s.createConsumer(t, sel, true)),
                Arguments.of("Session.createBrowser(queue, selector)", (Classic) (c, s, q, t, sel) -> s.createBrowser(q, sel)),
                Arguments.of("Session.createDurableConsumer(topic, name, selector, noLocal)", (Classic) (c, s, q, t, sel) -> s.createDurableConsumer(t, "bad", sel, false)),
                Arguments.of("Session.createDurableSubscriber(topic, name, selector, noLocal)", (Classic) (c, s, q, t, sel) -> s.createDurableSubscriber(t, "bad", sel, false)),
                Arguments.of("Session.createSharedConsumer(topic, name, selector)", (Classic) (c, s, q, t, sel) -> s.createSharedConsumer(t, "bad", sel)),
                Arguments.of("Session.createSharedDurableConsumer(topic, name, selector)", (Classic) (c, s, q, t, sel) -> s.createSharedDurableConsumer(t, "bad", sel)));
    }

    @ParameterizedTest(name = "{0}: InvalidSelectorException if the message selector is invalid")
    @MethodSource("classicSelectorMethods")
    void classicMethodsRejectInvalidSelector(String method, Classic call) throws Exception {
        Connection connection = connectionWithClientId();
        Session session = connection.createSession();
        Queue queue = queue();
        Topic topic = topic();
        assertThatThrownBy(() -> call.call(connection, session, queue, topic, "a = = 1"))
                .isInstanceOf(InvalidSelectorException.class);
    }

    @Test
    @DisplayName("QueueSession.createReceiver(queue, selector): InvalidSelectorException if the message selector is invalid")
    void queueReceiverRejectsInvalidSelector() throws Exception {
        Queue queue = queue();
        try (QueueConnection connection = queueFactory().createQueueConnection()) {
            QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createReceiver(queue, "a = = 1")).isInstanceOf(InvalidSelectorException.class);
        }
    }

    @Test
    @DisplayName("TopicSession.createSubscriber(topic, selector, noLocal): InvalidSelectorException if the message selector is invalid")
    void topicSubscriberRejectsInvalidSelector() throws Exception {
        Topic topic = topic();
        try (TopicConnection connection = topicFactory().createTopicConnection()) {
            TopicSession session = connection.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createSubscriber(topic, "a = = 1", false)).isInstanceOf(InvalidSelectorException.class);
        }
    }

    static Stream<Arguments> contextSelectorMethods() {
        return Stream.of(
                Arguments.of("JMSContext.createConsumer(destination, selector)", (Simplified) (c, q, t, sel) -> c.createConsumer(q, sel)),
                Arguments.of("JMSContext.createConsumer(destination, selector, noLocal)", (Simplified) (c, q, t, sel) -> c.createConsumer(t, sel, false)),
                Arguments.of("JMSContext.createBrowser(queue, selector)", (Simplified) (c, q, t, sel) -> c.createBrowser(q, sel)),
                Arguments.of("JMSContext.createSharedConsumer(topic, name, selector)", (Simplified) (c, q, t, sel) -> c.createSharedConsumer(t, "bad", sel)),
                Arguments.of("JMSContext.createDurableConsumer(topic, name, selector, noLocal)", (Simplified) (c, q, t, sel) -> c.createDurableConsumer(t, "bad", sel, false)),
                Arguments.of("JMSContext.createSharedDurableConsumer(topic, name, selector)", (Simplified) (c, q, t, sel) -> c.createSharedDurableConsumer(t, "bad", sel)));
    }

    @ParameterizedTest(name = "{0}: InvalidSelectorRuntimeException if the message selector is invalid")
    @MethodSource("contextSelectorMethods")
    void simplifiedMethodsRejectInvalidSelector(String method, Simplified call) {
        JMSContext context = context();
        context.setClientID(uniqueName());
        Queue queue = queue();
        Topic topic = topic();
        assertThatThrownBy(() -> call.call(context, queue, topic, "a = = 1")).isInstanceOf(InvalidSelectorRuntimeException.class);
    }

    @FunctionalInterface
    interface Props {
        void apply(Message message) throws Exception;
    }

    @FunctionalInterface
    interface Classic {
        void call(Connection connection, Session session, Queue queue, Topic topic, String selector) throws Exception;
    }

    @FunctionalInterface
    interface Simplified {
        void call(JMSContext context, Queue queue, Topic topic, String selector) throws Exception;
    }
}
