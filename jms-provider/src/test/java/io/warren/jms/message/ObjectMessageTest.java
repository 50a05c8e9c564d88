package io.warren.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.jms.transport.Delivery;
import io.warren.message.Message;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ObjectMessage: snapshot semantics, body access and the trusted-package restriction on received bodies. */
class ObjectMessageTest {

    private static WarrenObjectMessage receive(Serializable o, ObjectMessagePolicy policy) throws JMSException {
        WarrenObjectMessage sent = new WarrenObjectMessage();
        sent.setObject(o);
        Message m = Received.published(sent);
        return (WarrenObjectMessage) MessageMapper.fromBroker(new Delivery(1, m, false, 1), policy);
    }

    @Test
    void theMessageHoldsASnapshotTakenAtSetObject() throws JMSException {
        ArrayList<String> list = new ArrayList<>(List.of("a"));
        WarrenObjectMessage m = new WarrenObjectMessage();
        m.setObject(list);
        list.add("b");
        assertThat(m.getObject()).isEqualTo(List.of("a"));
        assertThat(Received.copyOf(m).getObject()).isEqualTo(List.of("a"));
    }

    @Test
    void eachGetObjectIsAFreshCopy() throws JMSException {
        WarrenObjectMessage m = new WarrenObjectMessage();
        m.setObject(new ArrayList<>(List.of("a")));
        @SuppressWarnings("unchecked")
        List<String> first = (List<String>) m.getObject();
        first.add("changed");
        assertThat(m.getObject()).isEqualTo(List.of("a"));
    }

    @Test
    void theSerialisedFormIsWhatIsSent() throws JMSException {
        WarrenObjectMessage m = new WarrenObjectMessage();
        m.setObject("x");
        Message first = Received.published(m);
        Message second = Received.published(m);
        assertThat(first.contentType()).isEqualTo(ContentTypes.OBJECT);
        assertThat(second.body()).isSameAs(first.body());
    }

    @Test
    void aNullObjectTravelsAsNull() throws JMSException {
        WarrenObjectMessage m = new WarrenObjectMessage();
        m.setObject(null);
        WarrenObjectMessage r = Received.copyOf(m);
        assertThat(r.getObject()).isNull();
        assertThat(r.getBody(Integer.class)).isNull();
        assertThat(r.isBodyAssignableTo(Integer.class)).isTrue();
    }

    @Test
    void objectsOfTheDefaultTrustedPackagesAreReceived() throws JMSException {
        HashMap<String, Object> graph = new HashMap<>();
        graph.put("date", LocalDate.of(2024, 1, 2));
        graph.put("amount", new BigDecimal("1.50"));
        graph.put("ints", new int[] {1, 2});
        graph.put("names", new String[] {"a"});
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) receive(graph, ObjectMessagePolicy.defaults()).getObject();
        assertThat(r.get("date")).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(r.get("amount")).isEqualTo(new BigDecimal("1.50"));
        assertThat((int[]) r.get("ints")).containsExactly(1, 2);
    }

    @Test
    void aClassOutsideTheTrustedPackagesIsRefusedWithAMessageThatSaysWhatToDo() throws JMSException {
        WarrenObjectMessage r = receive(new Order("book"), ObjectMessagePolicy.defaults());
        assertThatThrownBy(r::getObject)
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining(Order.class.getName())
                .hasMessageContaining("trustedPackages")
                .hasMessageContaining("'io.warren.jms.message'");
    }

    @Test
    void anUntrustedObjectNestedInATrustedCollectionIsRefused() throws JMSException {
        ArrayList<Object> list = new ArrayList<>(List.of("fine", new Order("nested")));
        WarrenObjectMessage r = receive(list, ObjectMessagePolicy.defaults());
        assertThatThrownBy(r::getObject).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining(Order.class.getName());
    }

    @Test
    void anArrayOfAnUntrustedClassIsRefused() throws JMSException {
        WarrenObjectMessage r = receive(new Order[] {new Order("a")}, ObjectMessagePolicy.defaults());
        assertThatThrownBy(r::getObject).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining(Order.class.getName());
    }

    @Test
    void anUntrustedClassIsRefusedEvenIfNull() throws JMSException {
        Order[][] empty = new Order[1][];
        WarrenObjectMessage r = receive(empty, ObjectMessagePolicy.defaults());
        assertThatThrownBy(r::getObject).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void trustingThePackageLetsTheClassIn() throws JMSException {
        WarrenObjectMessage r = receive(new ArrayList<>(List.of(new Order("a"))),
                ObjectMessagePolicy.defaults().withTrustedPackages("io.warren.jms.message"));
        assertThat(r.getObject()).isEqualTo(List.of(new Order("a")));
    }

    @Test
    void trustingTheSingleClassLetsItIn() throws JMSException {
        WarrenObjectMessage r = receive(new Order("a"), ObjectMessagePolicy.trusting(List.of(Order.class.getName())));
        assertThat(r.getObject()).isEqualTo(new Order("a"));
    }

    @Test
    void trustingAllLetsEverythingIn() throws JMSException {
        WarrenObjectMessage r = receive(new Order("a"), ObjectMessagePolicy.trustAll());
        assertThat(r.getObject()).isEqualTo(new Order("a"));
    }

    @Test
    void aPolicyWithoutJavaLangRefusesEvenBoxedNumbers() throws JMSException {
        WarrenObjectMessage r = receive(42, ObjectMessagePolicy.of(List.of("java.util")));
        assertThatThrownBy(r::getObject).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("java.lang.");
    }

    @Test
    void getBodyAndIsBodyAssignableToApplyThePolicy() throws JMSException {
        WarrenObjectMessage r = receive(new Order("a"), ObjectMessagePolicy.defaults());
        assertThatThrownBy(() -> r.getBody(Serializable.class)).isInstanceOf(MessageFormatException.class);
        assertThat(r.isBodyAssignableTo(Serializable.class)).isFalse();
        assertThat(r.isBodyAssignableTo(Object.class)).isFalse();
    }

    @Test
    void aBodySetInThisJvmIsNotRestricted() throws JMSException {
        WarrenObjectMessage m = new WarrenObjectMessage();
        m.setObject(new Order("mine"));
        assertThat(m.getObject()).isEqualTo(new Order("mine"));
        assertThat(m.getBody(Order.class)).isEqualTo(new Order("mine"));
    }

    @Test
    void theSessionsPolicyAppliesToMessagesItReceives() throws JMSException {
        WarrenObjectMessage sent = new WarrenObjectMessage(ObjectMessagePolicy.trustAll());
        sent.setObject(new Order("a"));
        assertThat(sent.policy()).isEqualTo(ObjectMessagePolicy.trustAll());
        sent.setPolicy(ObjectMessagePolicy.defaults());
        assertThat(sent.policy()).isEqualTo(ObjectMessagePolicy.defaults());
    }

    @Test
    void getBodyReturnsTheObjectForAssignableTypes() throws JMSException {
        WarrenObjectMessage r = receive("text", ObjectMessagePolicy.defaults());
        assertThat(r.getBody(String.class)).isEqualTo("text");
        assertThat(r.getBody(Serializable.class)).isEqualTo("text");
        assertThat(r.isBodyAssignableTo(CharSequence.class)).isTrue();
        assertThat(r.isBodyAssignableTo(Integer.class)).isFalse();
        assertThatThrownBy(() -> r.getBody(Integer.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void aReceivedBodyIsReadOnlyUntilCleared() throws JMSException {
        WarrenObjectMessage r = receive("x", ObjectMessagePolicy.defaults());
        assertThatThrownBy(() -> r.setObject("y")).isInstanceOf(MessageNotWriteableException.class);
        r.clearBody();
        assertThat(r.getObject()).isNull();
        r.setObject(new Order("now local"));
        assertThat(r.getObject()).isEqualTo(new Order("now local"));
    }

    @Test
    void anObjectThatCannotBeSerialisedFailsAtSetObject() {
        ArrayList<Object> list = new ArrayList<>();
        list.add(new Object());
        assertThatThrownBy(() -> new WarrenObjectMessage().setObject(list))
                .isInstanceOf(MessageFormatException.class);
    }

    @Test
    void aCorruptBodyFailsWithMessageFormatException() {
        Message broken = Message.builder().contentType(ContentTypes.OBJECT).body(new byte[] {1, 2, 3}).build();
        WarrenObjectMessage r = (WarrenObjectMessage) Received.of(broken);
        assertThatThrownBy(r::getObject).isInstanceOf(MessageFormatException.class);
        assertThat(r.isBodyAssignableTo(Object.class)).isFalse();
    }

    @Test
    void classesResolveThroughTheThreadContextClassLoaderFirst() throws Exception {
        WarrenObjectMessage r = receive(new Order("a"), ObjectMessagePolicy.trustAll());
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        ClassLoader[] asked = new ClassLoader[1];
        ClassLoader recording = new ClassLoader(before) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                asked[0] = this;
                return super.loadClass(name, resolve);
            }
        };
        t.setContextClassLoader(recording);
        try {
            assertThat(r.getObject()).isEqualTo(new Order("a"));
        } finally {
            t.setContextClassLoader(before);
        }
        assertThat(asked[0]).isSameAs(recording);
    }

    @Test
    void withoutAContextClassLoaderTheProvidersLoaderIsUsed() throws Exception {
        WarrenObjectMessage r = receive(new Order("a"), ObjectMessagePolicy.trustAll());
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(null);
        try {
            assertThat(r.getObject()).isEqualTo(new Order("a"));
        } finally {
            t.setContextClassLoader(before);
        }
    }
}
