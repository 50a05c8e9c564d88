package io.warren.server.amqp.method;

/**
 * One AMQP 0-9-1 method with its arguments, as carried in a method frame. There is one record per method of
 * RabbitMQ's 0-9-1 method set, named after class and method ({@code basic.publish} is {@link BasicPublish});
 * {@link MethodCodec} reads and writes them.
 *
 * <p>Record components are the specification's fields in order, camelCased, without the reserved ones (those
 * are written as zero or empty and skipped on reading). Unsigned wire integers use the next wider Java type:
 * octet and short as {@code int}, long as {@code long}. A {@code null} string is written as empty and a
 * {@code null} table as an empty table; decoded values are never {@code null}. Records are immutable except for
 * their table maps and byte arrays, which are shared as given and must not be changed while in use.
 */
public sealed interface AmqpMethod permits
        ConnectionStart, ConnectionStartOk, ConnectionSecure, ConnectionSecureOk, ConnectionTune,
        ConnectionTuneOk, ConnectionOpen, ConnectionOpenOk, ConnectionClose, ConnectionCloseOk,
        ConnectionBlocked, ConnectionUnblocked, ConnectionUpdateSecret, ConnectionUpdateSecretOk,
        ChannelOpen, ChannelOpenOk, ChannelFlow, ChannelFlowOk, ChannelClose, ChannelCloseOk,
        ExchangeDeclare, ExchangeDeclareOk, ExchangeDelete, ExchangeDeleteOk, ExchangeBind, ExchangeBindOk,
        ExchangeUnbind, ExchangeUnbindOk,
        QueueDeclare, QueueDeclareOk, QueueBind, QueueBindOk, QueuePurge, QueuePurgeOk, QueueDelete,
        QueueDeleteOk, QueueUnbind, QueueUnbindOk,
        BasicQos, BasicQosOk, BasicConsume, BasicConsumeOk, BasicCancel, BasicCancelOk, BasicPublish,
        BasicReturn, BasicDeliver, BasicGet, BasicGetOk, BasicGetEmpty, BasicAck, BasicReject,
        BasicRecoverAsync, BasicRecover, BasicRecoverOk, BasicNack,
        TxSelect, TxSelectOk, TxCommit, TxCommitOk, TxRollback, TxRollbackOk,
        ConfirmSelect, ConfirmSelectOk {

    /** The class id, such as 60 for {@code basic}. */
    int classId();

    /** The method id within the class, such as 40 for {@code basic.publish}. */
    int methodId();

    /** The specification's name, such as {@code "basic.publish"}. */
    String name();

    /** Whether a content header and body frames follow this method. */
    default boolean hasContent() {
        return false;
    }
}
