package io.warren.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MapMessage: names, copies, nulls, object values and its body. */
class MapMessageTest {
    private final WarrenMapMessage m = new WarrenMapMessage();

    @Test
    void everyTypeSurvivesTheBrokerWithItsType() throws JMSException {
        m.setBoolean("z", true);
        m.setByte("b", (byte) 1);
        m.setShort("s", (short) 2);
        m.setChar("c", 'x');
        m.setInt("i", 3);
        m.setLong("l", 4);
        m.setFloat("f", 5f);
        m.setDouble("d", 6d);
        m.setString("t", "7");
        m.setBytes("y", new byte[] {8});
        WarrenMapMessage r = Received.copyOf(m);
        assertThat(r.getObject("z")).isEqualTo(true);
        assertThat(r.getObject("b")).isEqualTo((byte) 1);
        assertThat(r.getObject("s")).isEqualTo((short) 2);
        assertThat(r.getObject("c")).isEqualTo('x');
        assertThat(r.getObject("i")).isEqualTo(3);
        assertThat(r.getObject("l")).isEqualTo(4L);
        assertThat(r.getObject("f")).isEqualTo(5f);
        assertThat(r.getObject("d")).isEqualTo(6d);
        assertThat(r.getObject("t")).isEqualTo("7");
        assertThat((byte[]) r.getObject("y")).containsExactly(8);
    }

    @Test
    void getMapNamesAndItemExistsSeeEveryItem() throws JMSException {
        m.setInt("a", 1);
        m.setString("b", null);
        assertThat(Collections.list(m.getMapNames())).containsExactlyInAnyOrder("a", "b");
        assertThat(m.itemExists("a")).isTrue();
        assertThat(m.itemExists("b")).isTrue();
        assertThat(m.itemExists("c")).isFalse();
        assertThat(m.itemExists(null)).isFalse();
        WarrenMapMessage r = Received.copyOf(m);
        assertThat(Collections.list(r.getMapNames())).containsExactlyInAnyOrder("a", "b");
        assertThat(r.getString("b")).isNull();
    }

    @Test
    void aMissingItemReadsAsValueOfNull() throws JMSException {
        assertThat(m.getBoolean("x")).isFalse();
        assertThat(m.getString("x")).isNull();
        assertThat(m.getBytes("x")).isNull();
        assertThat(m.getObject("x")).isNull();
        assertThatThrownBy(() -> m.getInt("x")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getByte("x")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> m.getFloat("x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.getChar("x")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void setBytesAndGetBytesCopy() throws JMSException {
        byte[] b = {1, 2, 3};
        m.setBytes("b", b);
        b[0] = 9;
        byte[] out = m.getBytes("b");
        assertThat(out).containsExactly(1, 2, 3);
        out[1] = 9;
        assertThat(m.getBytes("b")).containsExactly(1, 2, 3);
        ((byte[]) m.getObject("b"))[2] = 9;
        assertThat(m.getBytes("b")).containsExactly(1, 2, 3);
    }

    @Test
    void setBytesWithARangeCopiesThatRange() throws JMSException {
        m.setBytes("b", new byte[] {1, 2, 3, 4}, 1, 2);
        assertThat(m.getBytes("b")).containsExactly(2, 3);
        assertThatThrownBy(() -> m.setBytes("c", new byte[2], 1, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void setObjectCopiesByteArrays() throws JMSException {
        byte[] b = {1};
        m.setObject("b", b);
        b[0] = 2;
        assertThat(m.getBytes("b")).containsExactly(1);
    }

    @Test
    void setObjectAcceptsBoxedPrimitivesStringsByteArraysAndNull() throws JMSException {
        for (Object v : List.<Object>of(true, (byte) 1, (short) 1, 'c', 1, 1L, 1f, 1d, "s")) {
            m.setObject("v", v);
            assertThat(m.getObject("v")).isEqualTo(v);
        }
        m.setObject("n", null);
        assertThat(m.itemExists("n")).isTrue();
    }

    @Test
    void setObjectRefusesOtherTypes() {
        for (Object v : List.of(new Object(), List.of(1), Map.of(), new StringBuilder())) {
            assertThatThrownBy(() -> m.setObject("v", v)).isInstanceOf(MessageFormatException.class);
        }
    }

    @Test
    void aNullOrEmptyNameIsRefused() {
        assertThatThrownBy(() -> m.setInt(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.setString("", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.setObject("", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.setBytes(null, new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.setBytes("", new byte[1], 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesNeedNotBeIdentifiers() throws JMSException {
        m.setInt("not an identifier!", 1);
        assertThat(Received.copyOf(m).getInt("not an identifier!")).isEqualTo(1);
    }

    @Test
    void aMessageCanBeReadWhileWritable() throws JMSException {
        m.setInt("a", 1);
        assertThat(m.getInt("a")).isEqualTo(1);
        m.setInt("a", 2);
        assertThat(m.getLong("a")).isEqualTo(2L);
    }

    @Test
    void getBodyIsAMapCopyOfTheItems() throws JMSException {
        m.setInt("a", 1);
        m.setBytes("b", new byte[] {2});
        WarrenMapMessage r = Received.copyOf(m);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = r.getBody(Map.class);
        assertThat(body).containsEntry("a", 1).containsKey("b");
        body.put("c", 3);
        assertThat(r.itemExists("c")).isFalse();
        assertThat(r.getBody(Object.class)).isInstanceOf(Map.class);
    }

    @Test
    void getBodyRefusesTypesOtherThanMapAndObject() throws JMSException {
        m.setInt("a", 1);
        assertThatThrownBy(() -> m.getBody(String.class)).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.getBody(java.util.HashMap.class)).isInstanceOf(MessageFormatException.class);
        assertThat(m.isBodyAssignableTo(Map.class)).isTrue();
        assertThat(m.isBodyAssignableTo(Object.class)).isTrue();
        assertThat(m.isBodyAssignableTo(byte[].class)).isFalse();
        assertThat(m.isBodyAssignableTo(java.util.HashMap.class)).isFalse();
    }

    @Test
    void aMapWithoutItemsHasNoBody() throws JMSException {
        assertThat(m.getBody(String.class)).isNull();
        assertThat(m.isBodyAssignableTo(Integer.class)).isTrue();
        assertThat(Received.copyOf(m).getBody(byte[].class)).isNull();
    }

    @Test
    void changesAfterSendDoNotChangeTheSentMessage() throws JMSException {
        m.setInt("a", 1);
        var sent = Received.published(m);
        m.setInt("a", 2);
        assertThat(((WarrenMapMessage) Received.of(sent)).getInt("a")).isEqualTo(1);
    }

    @Test
    void aCorruptBodyFailsOnAccessWithMessageFormatException() throws JMSException {
        var broken = io.warren.message.Message.builder().contentType(ContentTypes.MAP)
                .body(new byte[] {0, 0, 0, 5, 1}).build();
        WarrenMapMessage r = (WarrenMapMessage) Received.of(broken);
        assertThatThrownBy(() -> r.getInt("a")).isInstanceOf(MessageFormatException.class);
    }
}
