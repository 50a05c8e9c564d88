package io.warren.server.amqp.method;

import io.warren.server.amqp.codec.WireValues;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Test data: one instance of every method record, every field set to something other than its default. */
final class MethodSamples {
    private static final Map<String, Object> TABLE = WireValues.everyType();
    private static final Map<String, Object> ARGS = Map.of("x-message-ttl", 60_000, "x-queue-type", "quorum");

    private MethodSamples() {
    }

    static List<AmqpMethod> all() {
        return List.of(
                new ConnectionStart(0, 9, TABLE, "PLAIN AMQPLAIN", "en_US"),
                new ConnectionStartOk(TABLE, "PLAIN", "\0guest\0gu\u00e9st".getBytes(StandardCharsets.UTF_8),
                        "en_US"),
                new ConnectionSecure(new byte[] {1, 2, 3, (byte) 0xFF}),
                new ConnectionSecureOk(new byte[] {(byte) 0x80, 0, 42}),
                new ConnectionTune(2047, 131072L, 60),
                new ConnectionTuneOk(65535, 0xFFFF_FFFFL, 65535),
                new ConnectionOpen("/v\u00e9host"),
                ConnectionOpenOk.INSTANCE,
                new ConnectionClose(320, "CONNECTION_FORCED - broker shutdown", 60, 40),
                ConnectionCloseOk.INSTANCE,
                new ConnectionBlocked("low on memory"),
                ConnectionUnblocked.INSTANCE,
                new ConnectionUpdateSecret(new byte[] {'t', 'o', 'k', 0}, "token refresh"),
                ConnectionUpdateSecretOk.INSTANCE,
                ChannelOpen.INSTANCE,
                ChannelOpenOk.INSTANCE,
                new ChannelFlow(true),
                new ChannelFlowOk(true),
                new ChannelClose(404, "NOT_FOUND - no queue 'q'", 50, 10),
                ChannelCloseOk.INSTANCE,
                new ExchangeDeclare("ex", "topic", true, true, true, true, true, ARGS),
                ExchangeDeclareOk.INSTANCE,
                new ExchangeDelete("ex", true, true),
                ExchangeDeleteOk.INSTANCE,
                new ExchangeBind("dest", "src", "a.*.b", true, ARGS),
                ExchangeBindOk.INSTANCE,
                new ExchangeUnbind("dest", "src", "a.#", true, TABLE),
                ExchangeUnbindOk.INSTANCE,
                new QueueDeclare("orders", true, true, true, true, true, ARGS),
                new QueueDeclareOk("amq.gen-JzTY20BRgKO", 4_000_000_000L, 17),
                new QueueBind("orders", "amq.topic", "orders.#", true, ARGS),
                QueueBindOk.INSTANCE,
                new QueuePurge("orders", true),
                new QueuePurgeOk(123_456L),
                new QueueDelete("orders", true, true, true),
                new QueueDeleteOk(99L),
                new QueueUnbind("orders", "amq.topic", "orders.#", ARGS),
                QueueUnbindOk.INSTANCE,
                new BasicQos(65536L, 250, true),
                BasicQosOk.INSTANCE,
                new BasicConsume("orders", "ctag-1", true, true, true, true, Map.of("x-priority", 5)),
                new BasicConsumeOk("ctag-1"),
                new BasicCancel("ctag-1", true),
                new BasicCancelOk("ctag-1"),
                new BasicPublish("amq.direct", "route", true, true),
                new BasicReturn(312, "NO_ROUTE", "amq.direct", "nowhere"),
                new BasicDeliver("ctag-1", Long.MAX_VALUE, true, "amq.direct", "route"),
                new BasicGet("orders", true),
                new BasicGetOk(77L, true, "ex", "rk", 5L),
                BasicGetEmpty.INSTANCE,
                new BasicAck(12_345_678_901L, true),
                new BasicReject(42L, true),
                new BasicRecoverAsync(true),
                new BasicRecover(true),
                BasicRecoverOk.INSTANCE,
                new BasicNack(43L, true, true),
                TxSelect.INSTANCE,
                TxSelectOk.INSTANCE,
                TxCommit.INSTANCE,
                TxCommitOk.INSTANCE,
                TxRollback.INSTANCE,
                TxRollbackOk.INSTANCE,
                new ConfirmSelect(true),
                ConfirmSelectOk.INSTANCE);
    }
}
