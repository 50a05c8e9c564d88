package io.warren.server.amqp;

import static io.warren.server.amqp.XaWireClient.XA_OK;
import static io.warren.server.amqp.XaWireClient.XA_RDONLY;
import static io.warren.server.amqp.XaWireClient.newXid;
import static io.warren.server.amqp.XaWireClient.xidArguments;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import io.warren.broker.BrokerConfig;
import io.warren.broker.tx.TransactionId;
import io.warren.server.ServerFixture;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.warren.server.amqp.XaWireClient.Outcome;
import io.warren.server.amqp.method.FrameWriter;
import io.warren.server.amqp.method.MethodCodec;
import io.warren.server.amqp.method.QueueDeclare;
import io.warren.server.amqp.method.QueueDeclareOk;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The XA extension over the wire, spoken by RabbitMQ's Java client: branches started and ended on a channel,
 * prepared, committed or rolled back (durably: the broker has a data directory), recovered after a restart;
 * failures are answers with XA codes and never close the channel.
 */
class XaExtensionTest {
    private static final Outcome OK = new Outcome(XA_OK, "ok");

    @TempDir
    Path dataDir;

    private ServerFixture fixture;
    private Channel ch;
    private Channel observer;
    private XaWireClient xa;

    private ServerFixture durableBroker() {
        return ServerFixture.start(BrokerConfig.builder("xa-" + System.nanoTime()).dataDirectory(dataDir).build());
    }

    @BeforeEach
    void start() throws Exception {
        fixture = durableBroker();
        connect(fixture);
    }

    private void connect(ServerFixture f) throws Exception {
        Connection c = f.connect();
        ch = c.createChannel();
        observer = c.createChannel();
        observer.queueDeclare("in", true, false, false, null);
        observer.queueDeclare("out", true, false, false, null);
        xa = new XaWireClient(ch);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private void send(String queue, String body) throws IOException {
        observer.basicPublish("", queue, MessageProperties.PERSISTENT_TEXT_PLAIN, body.getBytes(UTF_8));
    }

    private int depth(String queue) throws IOException {
        return observer.queueDeclarePassive(queue).getMessageCount();
    }

    private List<String> drain(String queue) throws IOException {
        List<String> bodies = new ArrayList<>();
        GetResponse r;
        while ((r = observer.basicGet(queue, true)) != null) {
            bodies.add(new String(r.getBody(), UTF_8));
        }
        return bodies;
    }

    /** In branch {@code xid}: takes one message from "in", acknowledges it and publishes "shipped" to "out". */
    private void moveOneInBranch(TransactionId xid) throws IOException {
        assertThat(xa.start(xid)).isEqualTo(OK);
        GetResponse order = ch.basicGet("in", false);
        assertThat(order).as("a message in 'in'").isNotNull();
        ch.basicAck(order.getEnvelope().getDeliveryTag(), false);
        ch.basicPublish("", "out", MessageProperties.PERSISTENT_TEXT_PLAIN, "shipped".getBytes(UTF_8));
        assertThat(xa.end(xid, XAResource.TMSUCCESS)).isEqualTo(OK);
    }

    @Test
    void theServerAnnouncesTheXaCapability() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> caps = (Map<String, Object>) fixture.connect().getServerProperties().get("capabilities");
        assertThat(caps).containsEntry("xa", true);
    }

    @Test
    void twoPhaseCommitAppliesWhatTheBranchTookAndSent() throws Exception {
        send("in", "order");
        TransactionId xid = newXid();
        moveOneInBranch(xid);
        assertThat(depth("out")).as("invisible before commit").isZero();

        assertThat(xa.prepare(xid)).isEqualTo(OK);
        assertThat(xa.recover()).containsExactly(xid);
        assertThat(xa.commit(xid, false)).isEqualTo(OK);

        assertThat(drain("out")).containsExactly("shipped");
        assertThat(drain("in")).isEmpty();
        assertThat(xa.recover()).isEmpty();
    }

    @Test
    void rollbackRedeliversWhatTheBranchAcknowledgedAndDropsWhatItSent() throws Exception {
        send("in", "order");
        TransactionId xid = newXid();
        moveOneInBranch(xid);
        assertThat(xa.prepare(xid)).isEqualTo(OK);
        assertThat(xa.rollback(xid)).isEqualTo(OK);

        assertThat(drain("out")).isEmpty();
        GetResponse again = observer.basicGet("in", true);
        assertThat(new String(again.getBody(), UTF_8)).isEqualTo("order");
        assertThat(again.getEnvelope().isRedeliver()).isTrue();
    }

    @Test
    void onePhaseCommitAppliesAnUnpreparedBranch() throws Exception {
        send("in", "order");
        TransactionId xid = newXid();
        moveOneInBranch(xid);
        assertThat(xa.commit(xid, true)).isEqualTo(OK);
        assertThat(drain("out")).containsExactly("shipped");
        assertThat(depth("in")).isZero();
    }

    @Test
    void aBranchThatDidNothingPreparesReadOnly() throws Exception {
        TransactionId xid = newXid();
        xa.start(xid);
        xa.end(xid, XAResource.TMSUCCESS);
        assertThat(xa.prepare(xid)).isEqualTo(new Outcome(XA_RDONLY, "ok"));
        assertThat(xa.commit(xid, false).code()).as("forgotten").isEqualTo(XAException.XAER_NOTA);
    }

    @Test
    void recoverListsEveryPreparedBranchOfTheVirtualHostAndNoOther() throws Exception {
        List<TransactionId> prepared = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            send("in", "order " + i);
            TransactionId xid = newXid();
            moveOneInBranch(xid);
            assertThat(xa.prepare(xid)).isEqualTo(OK);
            prepared.add(xid);
        }
        send("in", "unprepared");
        moveOneInBranch(newXid());

        assertThat(xa.recover()).containsExactlyInAnyOrderElementsOf(prepared);
        assertThat(new XaWireClient(observer).recover()).as("from another channel")
                .containsExactlyInAnyOrderElementsOf(prepared);
        Outcome past = xa.request(Map.of("x-xa-op", "recover", "x-xa-index", 3));
        assertThat(past).isEqualTo(new Outcome(3, ""));
    }

    @Test
    void aRecoverScanReadsTheListItTookAtIndexZero() throws Exception {
        TransactionId first = newXid();
        send("in", "a");
        moveOneInBranch(first);
        xa.prepare(first);
        TransactionId second = newXid();
        send("in", "b");
        moveOneInBranch(second);
        xa.prepare(second);

        Outcome zero = xa.request(Map.of("x-xa-op", "recover", "x-xa-index", 0));
        assertThat(zero.code()).isEqualTo(2);
        TransactionId listedFirst = XaWireClient.decode(zero.text());
        new XaWireClient(observer).commit(listedFirst, false);
        Outcome one = xa.request(Map.of("x-xa-op", "recover", "x-xa-index", 1));

        assertThat(one.code()).as("the count of the scan's snapshot").isEqualTo(2);
        assertThat(List.of(listedFirst, XaWireClient.decode(one.text()))).containsExactlyInAnyOrder(first, second);
        assertThat(xa.recover()).as("a new scan").hasSize(1);
    }

    @Test
    void aSuspendedBranchIsJoinedByAnotherChannelAndResumed() throws Exception {
        XaWireClient other = new XaWireClient(observer);
        TransactionId xid = newXid();
        assertThat(xa.start(xid)).isEqualTo(OK);
        ch.basicPublish("", "out", null, "a".getBytes(UTF_8));
        assertThat(xa.end(xid, XAResource.TMSUSPEND)).isEqualTo(OK);
        assertThat(other.start(xid, XAResource.TMJOIN, 0)).isEqualTo(OK);
        observer.basicPublish("", "out", null, "b".getBytes(UTF_8));
        assertThat(other.end(xid, XAResource.TMSUCCESS)).isEqualTo(OK);
        assertThat(xa.start(xid, XAResource.TMRESUME, 0)).isEqualTo(OK);
        ch.basicPublish("", "out", null, "c".getBytes(UTF_8));
        assertThat(xa.end(xid, XAResource.TMSUCCESS)).isEqualTo(OK);

        assertThat(xa.prepare(xid)).isEqualTo(OK);
        assertThat(xa.commit(xid, false)).isEqualTo(OK);
        assertThat(drain("out")).containsExactly("a", "b", "c");
    }

    @Test
    void xaFailuresAreRepliesWithTheirCodesAndTheChannelStaysOpen() throws Exception {
        Outcome unknown = xa.commit(newXid(), false);
        assertThat(unknown.code()).isEqualTo(XAException.XAER_NOTA);
        assertThat(unknown.text()).contains("no such branch");

        TransactionId xid = newXid();
        xa.start(xid);
        assertThat(new XaWireClient(observer).start(xid).code()).isEqualTo(XAException.XAER_DUPID);
        assertThat(new XaWireClient(observer).prepare(xid).code()).as("still associated")
                .isEqualTo(XAException.XAER_PROTO);
        xa.end(xid, XAResource.TMFAIL);
        assertThat(xa.prepare(xid).code()).isEqualTo(XAException.XA_RBROLLBACK);

        assertThat(ch.isOpen()).isTrue();
        ch.basicPublish("", "out", null, "after".getBytes(UTF_8));
        assertThat(ch.queueDeclarePassive("out").getMessageCount()).isEqualTo(1);
        assertThat(drain("out")).containsExactly("after");
    }

    @Test
    void aBranchThatOutlivesItsTimeoutAnswersRbTimeout() throws Exception {
        send("in", "order");
        TransactionId xid = newXid();
        assertThat(xa.start(xid, XAResource.TMNOFLAGS, 1)).isEqualTo(OK);
        ch.basicAck(ch.basicGet("in", false).getEnvelope().getDeliveryTag(), false);
        XaWireClient other = new XaWireClient(observer);

        await().atMost(Duration.ofSeconds(10)).until(() -> other.prepare(xid).code() == XAException.XA_RBTIMEOUT);
        assertThat(xa.end(xid, XAResource.TMSUCCESS).code()).isEqualTo(XAException.XA_RBTIMEOUT);
        assertThat(drain("in")).as("returned by the rollback").containsExactly("order");
    }

    @Test
    void closingAnAssociatedChannelLeavesTheBranchOnlyToRollBack() throws Exception {
        send("in", "order");
        TransactionId xid = newXid();
        xa.start(xid);
        ch.basicGet("in", false);
        ch.close();

        assertThat(new XaWireClient(observer).commit(xid, true).code()).isEqualTo(XAException.XA_RBROLLBACK);
        assertThat(drain("in")).containsExactly("order");
    }

    @Test
    void malformedRequestsAnswerXaerInvalNamingTheArgument() throws Exception {
        TransactionId xid = newXid();
        Map<String, Object> unknownOp = xidArguments("begin", xid);
        Map<String, Object> noGtrid = xidArguments("prepare", xid);
        noGtrid.remove("x-xa-gtrid");
        Map<String, Object> textFormatId = xidArguments("prepare", xid);
        textFormatId.put("x-xa-format-id", "1");
        Map<String, Object> longBqual = xidArguments("rollback", xid);
        longBqual.put("x-xa-bqual", new byte[65]);
        Map<String, Object> badStartFlags = xidArguments("start", xid);
        badStartFlags.put("x-xa-flags", XAResource.TMSUCCESS);
        Map<String, Object> noEndFlags = xidArguments("end", xid);
        Map<String, Object> badCommitFlags = xidArguments("commit", xid);
        badCommitFlags.put("x-xa-flags", 2);
        Map<String, Object> opNotAString = Map.of("x-xa-op", 7);
        Map<String, Object> negativeIndex = Map.of("x-xa-op", "recover", "x-xa-index", -1);

        assertInvalid(unknownOp, "x-xa-op", "begin");
        assertInvalid(noGtrid, "x-xa-gtrid", "missing");
        assertInvalid(textFormatId, "x-xa-format-id", "32-bit integer");
        assertInvalid(longBqual, "x-xa-bqual", "65 bytes");
        assertInvalid(badStartFlags, "x-xa-flags", "TMNOFLAGS");
        assertInvalid(noEndFlags, "x-xa-flags", "missing");
        assertInvalid(badCommitFlags, "x-xa-flags", "one phase");
        assertInvalid(opNotAString, "x-xa-op", "string");
        assertInvalid(negativeIndex, "x-xa-index", "-1");
        assertThat(ch.isOpen()).isTrue();
    }

    private void assertInvalid(Map<String, Object> arguments, String... mentions) throws IOException {
        Outcome o = xa.request(arguments);
        assertThat(o.code()).as("%s", arguments).isEqualTo(XAException.XAER_INVAL);
        assertThat(o.text()).contains(mentions);
    }

    @Test
    void aGlobalIdSentAsALongStringStandsForItsUtf8Bytes() throws Exception {
        TransactionId xid = new TransactionId(1, "caf\u00e9".getBytes(UTF_8), "b".getBytes(UTF_8));
        Map<String, Object> start = xidArguments("start", xid);
        start.put("x-xa-gtrid", "caf\u00e9");
        start.put("x-xa-flags", XAResource.TMNOFLAGS);
        assertThat(xa.request(start)).isEqualTo(OK);
        assertThat(xa.end(xid, XAResource.TMSUCCESS)).as("the same branch, sent as bytes").isEqualTo(OK);
    }

    @Test
    void aPassiveDeclareOfTheXaQueueWithoutAnOperationIsAnOrdinaryMissingQueue() {
        AMQP.Channel.Close close = ClosedBy.channelError(() -> ch.queueDeclarePassive("amq.warren.xa"));
        assertThat(close.getReplyCode()).isEqualTo(404);
    }

    @Test
    void anXaRequestWithNoWaitIsRefusedForItCouldNotBeAnswered() throws Exception {
        ch.asyncRpc(new AMQP.Queue.Declare.Builder().queue("amq.warren.xa").passive(true).nowait(true)
                .arguments(xidArguments("prepare", newXid())).build());
        AMQP.Channel.Close close = ClosedBy.awaitChannelClose(ch);
        assertThat(close.getReplyCode()).isEqualTo(406);
        assertThat(close.getReplyText()).contains("no-wait");
    }

    @Test
    void aReplyThatWaitsForTheStoreStillPrecedesTheRepliesToLaterRequests() throws Exception {
        send("in", "order");
        TransactionId xid = newXid();
        moveOneInBranch(xid);
        ByteBuf frames = Unpooled.buffer();
        FrameWriter.writeMethod(frames, 1, new QueueDeclare("amq.warren.xa", true, false, false, false, false,
                xidArguments("prepare", xid)));
        FrameWriter.writeMethod(frames, 1, new QueueDeclare("out", true, false, false, false, false, Map.of()));
        byte[] pipelined = new byte[frames.readableBytes()];
        frames.readBytes(pipelined);

        try (RawAmqpClient raw = RawAmqpClient.open(fixture.server.port(), 0, 131072, 0)) {
            raw.openChannel(1);
            raw.sendRaw(pipelined);
            assertThat(MethodCodec.decode(Unpooled.wrappedBuffer(raw.readFrame().payload())))
                    .as("the prepare's reply, sent once the branch is on disk")
                    .isEqualTo(new QueueDeclareOk("ok", XA_OK, 0));
            assertThat(MethodCodec.decode(Unpooled.wrappedBuffer(raw.readFrame().payload())))
                    .isEqualTo(new QueueDeclareOk("out", 0, 0));
        }
        assertThat(xa.recover()).containsExactly(xid);
    }

    @Test
    void aPreparedBranchSurvivesARestartAndCommitsOnce() throws Exception {
        send("in", "order");
        send("in", "other");
        TransactionId xid = newXid();
        moveOneInBranch(xid);
        assertThat(xa.prepare(xid)).isEqualTo(OK);
        fixture.close();

        fixture = durableBroker();
        connect(fixture);
        assertThat(xa.recover()).containsExactly(xid);
        assertThat(depth("in")).as("the acknowledged message stays with the branch").isEqualTo(1);
        assertThat(depth("out")).isZero();
        assertThat(xa.commit(xid, false)).isEqualTo(OK);
        assertThat(xa.commit(xid, false).code()).isEqualTo(XAException.XAER_NOTA);

        assertThat(drain("out")).containsExactly("shipped");
        assertThat(drain("in")).containsExactly("other");
        fixture.close();
        fixture = durableBroker();
        connect(fixture);
        assertThat(xa.recover()).as("after another restart").isEmpty();
        assertThat(depth("out")).isZero();
        assertThat(depth("in")).isZero();
    }
}
