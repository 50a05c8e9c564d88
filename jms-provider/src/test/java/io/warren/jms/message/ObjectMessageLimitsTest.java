package io.warren.jms.message;

import static io.warren.jms.message.HostileObjects.nestedLists;
import static io.warren.jms.message.HostileObjects.setBomb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.message.Message;
import jakarta.jms.MessageFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Object graphs built to break a receiver — nesting ten thousand deep, the "SerialDOS" set bomb, arrays declared far
 * longer than the body — fail fast with {@link MessageFormatException} naming the limit, never with
 * {@link StackOverflowError} or minutes of hashing; ordinary graphs within the limits still pass.
 */
class ObjectMessageLimitsTest {
    private static final long FAST_MS = 1_000;

    /** Serialises on a thread with a big stack, as a sender with such a stack (or another client) could. */
    private static byte[] serializedOnABigStack(Serializable o) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(o);
                result.set(bytes.toByteArray());
            } catch (IOException | RuntimeException | StackOverflowError e) {
                result.set(e);
            }
        }, "big-stack-serialiser", 1L << 30);
        t.start();
        t.join();
        assertThat(result.get()).isInstanceOf(byte[].class);
        return (byte[]) result.get();
    }

    private static WarrenObjectMessage received(byte[] body, ObjectMessagePolicy policy) {
        Message m = Message.builder().contentType(ContentTypes.OBJECT).body(body).build();
        return (WarrenObjectMessage) MessageMapper.fromBroker(Received.delivery(m, 1), policy);
    }

    @Test
    void aBodyOfListsNestedTenThousandDeepFailsFastNamingMaxdepth() throws Exception {
        WarrenObjectMessage m = received(serializedOnABigStack(nestedLists(10_000)), ObjectMessagePolicy.defaults());

        long start = System.nanoTime();
        assertThatThrownBy(m::getObject).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("nested more than 20 levels deep (maxdepth)")
                .hasMessageContaining("objectLimits=maxdepth=40");
        assertThatThrownBy(() -> m.getBody(Object.class)).isInstanceOf(MessageFormatException.class);
        assertThat(m.isBodyAssignableTo(List.class)).isFalse();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(FAST_MS);
    }

    @Test
    void theSetBombFailsFastNamingMaxdepth() throws Exception {
        WarrenObjectMessage m = received(serializedOnABigStack(setBomb(100)),
                ObjectMessagePolicy.defaults());

        long start = System.nanoTime();
        assertThatThrownBy(m::getObject).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("(maxdepth)");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(FAST_MS);
    }

    @Test
    void settingADeeplyNestedGraphIsAMessageFormatExceptionNotAStackOverflow() {
        WarrenObjectMessage m = new WarrenObjectMessage();
        assertThatThrownBy(() -> m.setObject(nestedLists(1_000_000))).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("nested too deeply for the thread's stack");
    }

    @Test
    void aSetBombSetInThisJvmIsStoppedAtGetObjectToo() throws Exception {
        WarrenObjectMessage m = new WarrenObjectMessage();
        m.setObject(setBomb(100));

        long start = System.nanoTime();
        assertThatThrownBy(m::getObject).isInstanceOf(MessageFormatException.class).hasMessageContaining("(maxdepth)");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(FAST_MS);
    }

    @Test
    void anArrayDeclaredLongerThanTheBodyIsRefusedBeforeItIsAllocated() throws Exception {
        byte[] body = serializedOnABigStack(new long[] {1, 2, 3});
        // the array's length precedes its three longs: make it claim 2^30 + 3 elements
        int at = body.length - 3 * Long.BYTES - Integer.BYTES;
        assertThat(new byte[] {body[at], body[at + 1], body[at + 2], body[at + 3]}).containsExactly(0, 0, 0, 3);
        body[at] = 0x40;
        WarrenObjectMessage m = received(body, ObjectMessagePolicy.defaults());

        assertThatThrownBy(m::getObject).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("declares an array of 1073741827 elements")
                .hasMessageContaining("the body is malformed");
    }

    @Test
    void ordinaryGraphsWithinTheLimitsAreReceived() throws Exception {
        Map<String, Object> order = new HashMap<>();
        order.put("lines", new ArrayList<>(List.of(Map.of("sku", "A-1", "qty", 3), Map.of("sku", "B-2", "qty", 1))));
        order.put("attachment", new byte[200_000]);
        order.put("history", nestedLists(15));
        WarrenObjectMessage m = received(serializedOnABigStack((Serializable) order), ObjectMessagePolicy.defaults());

        @SuppressWarnings("unchecked")
        Map<String, Object> got = (Map<String, Object>) m.getObject();
        assertThat(got.get("lines")).isEqualTo(order.get("lines"));
        assertThat((byte[]) got.get("attachment")).hasSize(200_000);
        assertThat(got.get("history")).isEqualTo(nestedLists(15));
    }

    @Test
    void raisedLimitsLetADeeperGraphThroughAndLoweredOnesStopSmallerOnes() throws Exception {
        byte[] fifty = serializedOnABigStack(nestedLists(50));
        ObjectMessagePolicy deeper = ObjectMessagePolicy.defaults().withLimits(ObjectLimits.fromOption("maxdepth=60"));
        assertThat(received(fifty, deeper).getObject()).isInstanceOf(ArrayList.class);

        byte[] list = serializedOnABigStack(new ArrayList<>(List.of(1_000, 2_000, 3_000, 4_000)));
        ObjectMessagePolicy few = ObjectMessagePolicy.defaults().withLimits(ObjectLimits.fromOption("maxrefs=3"));
        assertThatThrownBy(() -> received(list, few).getObject()).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("more than 3 objects (maxrefs)");
        ObjectMessagePolicy small = ObjectMessagePolicy.defaults().withLimits(ObjectLimits.fromOption("maxbytes=20"));
        assertThatThrownBy(() -> received(list, small).getObject()).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("(maxbytes)");
        byte[] array = serializedOnABigStack(new int[100]);
        ObjectMessagePolicy shortArrays = ObjectMessagePolicy.defaults()
                .withLimits(ObjectLimits.fromOption("maxarray=10"));
        assertThatThrownBy(() -> received(array, shortArrays).getObject()).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("array of 100 elements, more than 10 (maxarray)");
        ObjectMessagePolicy none = ObjectMessagePolicy.defaults().withLimits(ObjectLimits.fromOption("maxdepth=0"));
        assertThat(received(serializedOnABigStack(nestedLists(100)), none).getObject()).isInstanceOf(List.class);
    }

    @Test
    void theOptionIsParsedAndMalformedEntriesAreNamed() {
        assertThat(ObjectLimits.fromOption(null)).isEqualTo(ObjectLimits.defaults());
        assertThat(ObjectLimits.fromOption(" maxDepth = 30 , maxbytes=1000")).isEqualTo(
                new ObjectLimits(30, ObjectLimits.DEFAULT_MAX_REFS, 0, 1000));
        assertThat(ObjectLimits.defaults().toOption()).isEqualTo("maxdepth=20,maxrefs=1000000,maxarray=0,maxbytes=0");
        assertThatThrownBy(() -> ObjectLimits.fromOption("depth=3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("objectLimits has 'depth=3'");
        assertThatThrownBy(() -> ObjectLimits.fromOption("maxrefs=-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-negative integer");
    }
}
