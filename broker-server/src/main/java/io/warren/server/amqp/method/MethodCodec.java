package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;
import io.warren.server.amqp.codec.AmqpCodecException;
import io.warren.server.amqp.codec.AmqpStrings;
import io.warren.server.amqp.codec.ReplyCodes;

/**
 * Reads and writes method frame payloads: class-id short, method-id short, then the arguments of the
 * {@link AmqpMethod} record for that pair, with consecutive bits packed into octets.
 *
 * <p>{@link #decode} consumes exactly the payload and throws only {@link AmqpCodecException}: an unknown
 * class or method is {@link ReplyCodes#NOT_IMPLEMENTED}; truncated or trailing arguments, invalid UTF-8 and
 * malformed tables are {@link ReplyCodes#SYNTAX_ERROR}, with the method and field in the message.
 * {@link #encode} throws {@link AmqpCodecException} ({@link ReplyCodes#SYNTAX_ERROR}) for a shortstr over 255
 * bytes or a number outside its wire type, and {@link IllegalArgumentException} for a table it cannot write;
 * either way the writer index of the output is restored. Stateless and thread-safe.
 */
public final class MethodCodec {
    private MethodCodec() {
    }

    /** Decodes a whole method frame payload. */
    public static AmqpMethod decode(ByteBuf payload) {
        try {
            AmqpStrings.require(payload, 4, "method frame");
            int classId = payload.readUnsignedShort();
            int methodId = payload.readUnsignedShort();
            AmqpMethod method = read(classId, methodId, payload);
            if (payload.isReadable()) {
                throw new AmqpCodecException(ReplyCodes.SYNTAX_ERROR,
                        method.name() + ": " + payload.readableBytes() + " unexpected bytes after the arguments");
            }
            return method;
        } catch (AmqpCodecException e) {
            throw e;
        } catch (RuntimeException e) {
            // A backstop: the readers check every length, so this means a bug, still reported as bad input.
            throw new AmqpCodecException(ReplyCodes.SYNTAX_ERROR, "malformed method frame: " + e);
        }
    }

    /** Encodes class id, method id and arguments of {@code m} at the writer index of {@code out}. */
    public static void encode(AmqpMethod m, ByteBuf out) {
        int start = out.writerIndex();
        try {
            out.writeShort(m.classId()).writeShort(m.methodId());
            write(m, out);
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
    }

    private static int key(int classId, int methodId) {
        return classId << 16 | methodId;
    }

    private static AmqpMethod read(int classId, int methodId, ByteBuf in) {
        switch (key(classId, methodId)) {
            case 0x000A000A: return ConnectionStart.read(in);
            case 0x000A000B: return ConnectionStartOk.read(in);
            case 0x000A0014: return ConnectionSecure.read(in);
            case 0x000A0015: return ConnectionSecureOk.read(in);
            case 0x000A001E: return ConnectionTune.read(in);
            case 0x000A001F: return ConnectionTuneOk.read(in);
            case 0x000A0028: return ConnectionOpen.read(in);
            case 0x000A0029: return ConnectionOpenOk.read(in);
            case 0x000A0032: return ConnectionClose.read(in);
            case 0x000A0033: return ConnectionCloseOk.INSTANCE;
            case 0x000A003C: return ConnectionBlocked.read(in);
            case 0x000A003D: return ConnectionUnblocked.INSTANCE;
            case 0x000A0046: return ConnectionUpdateSecret.read(in);
            case 0x000A0047: return ConnectionUpdateSecretOk.INSTANCE;
            case 0x0014000A: return ChannelOpen.read(in);
            case 0x0014000B: return ChannelOpenOk.read(in);
            case 0x00140014: return ChannelFlow.read(in);
            case 0x00140015: return ChannelFlowOk.read(in);
            case 0x00140028: return ChannelClose.read(in);
            case 0x00140029: return ChannelCloseOk.INSTANCE;
            case 0x0028000A: return ExchangeDeclare.read(in);
            case 0x0028000B: return ExchangeDeclareOk.INSTANCE;
            case 0x00280014: return ExchangeDelete.read(in);
            case 0x00280015: return ExchangeDeleteOk.INSTANCE;
            case 0x0028001E: return ExchangeBind.read(in);
            case 0x0028001F: return ExchangeBindOk.INSTANCE;
            case 0x00280028: return ExchangeUnbind.read(in);
            case 0x00280033: return ExchangeUnbindOk.INSTANCE;
            case 0x0032000A: return QueueDeclare.read(in);
            case 0x0032000B: return QueueDeclareOk.read(in);
            case 0x00320014: return QueueBind.read(in);
            case 0x00320015: return QueueBindOk.INSTANCE;
            case 0x0032001E: return QueuePurge.read(in);
            case 0x0032001F: return QueuePurgeOk.read(in);
            case 0x00320028: return QueueDelete.read(in);
            case 0x00320029: return QueueDeleteOk.read(in);
            case 0x00320032: return QueueUnbind.read(in);
            case 0x00320033: return QueueUnbindOk.INSTANCE;
            case 0x003C000A: return BasicQos.read(in);
            case 0x003C000B: return BasicQosOk.INSTANCE;
            case 0x003C0014: return BasicConsume.read(in);
            case 0x003C0015: return BasicConsumeOk.read(in);
            case 0x003C001E: return BasicCancel.read(in);
            case 0x003C001F: return BasicCancelOk.read(in);
            case 0x003C0028: return BasicPublish.read(in);
            case 0x003C0032: return BasicReturn.read(in);
            case 0x003C003C: return BasicDeliver.read(in);
            case 0x003C0046: return BasicGet.read(in);
            case 0x003C0047: return BasicGetOk.read(in);
            case 0x003C0048: return BasicGetEmpty.read(in);
            case 0x003C0050: return BasicAck.read(in);
            case 0x003C005A: return BasicReject.read(in);
            case 0x003C0064: return BasicRecoverAsync.read(in);
            case 0x003C006E: return BasicRecover.read(in);
            case 0x003C006F: return BasicRecoverOk.INSTANCE;
            case 0x003C0078: return BasicNack.read(in);
            case 0x005A000A: return TxSelect.INSTANCE;
            case 0x005A000B: return TxSelectOk.INSTANCE;
            case 0x005A0014: return TxCommit.INSTANCE;
            case 0x005A0015: return TxCommitOk.INSTANCE;
            case 0x005A001E: return TxRollback.INSTANCE;
            case 0x005A001F: return TxRollbackOk.INSTANCE;
            case 0x0055000A: return ConfirmSelect.read(in);
            case 0x0055000B: return ConfirmSelectOk.INSTANCE;
            default:
                throw new AmqpCodecException(ReplyCodes.NOT_IMPLEMENTED,
                        "unknown method class " + classId + " method " + methodId);
        }
    }

    private static void write(AmqpMethod m, ByteBuf out) {
        switch (key(m.classId(), m.methodId())) {
            case 0x000A000A: ((ConnectionStart) m).write(out); break;
            case 0x000A000B: ((ConnectionStartOk) m).write(out); break;
            case 0x000A0014: ((ConnectionSecure) m).write(out); break;
            case 0x000A0015: ((ConnectionSecureOk) m).write(out); break;
            case 0x000A001E: ((ConnectionTune) m).write(out); break;
            case 0x000A001F: ((ConnectionTuneOk) m).write(out); break;
            case 0x000A0028: ((ConnectionOpen) m).write(out); break;
            case 0x000A0029: ((ConnectionOpenOk) m).write(out); break;
            case 0x000A0032: ((ConnectionClose) m).write(out); break;
            case 0x000A003C: ((ConnectionBlocked) m).write(out); break;
            case 0x000A0046: ((ConnectionUpdateSecret) m).write(out); break;
            case 0x0014000A: ((ChannelOpen) m).write(out); break;
            case 0x0014000B: ((ChannelOpenOk) m).write(out); break;
            case 0x00140014: ((ChannelFlow) m).write(out); break;
            case 0x00140015: ((ChannelFlowOk) m).write(out); break;
            case 0x00140028: ((ChannelClose) m).write(out); break;
            case 0x0028000A: ((ExchangeDeclare) m).write(out); break;
            case 0x00280014: ((ExchangeDelete) m).write(out); break;
            case 0x0028001E: ((ExchangeBind) m).write(out); break;
            case 0x00280028: ((ExchangeUnbind) m).write(out); break;
            case 0x0032000A: ((QueueDeclare) m).write(out); break;
            case 0x0032000B: ((QueueDeclareOk) m).write(out); break;
            case 0x00320014: ((QueueBind) m).write(out); break;
            case 0x0032001E: ((QueuePurge) m).write(out); break;
            case 0x0032001F: ((QueuePurgeOk) m).write(out); break;
            case 0x00320028: ((QueueDelete) m).write(out); break;
            case 0x00320029: ((QueueDeleteOk) m).write(out); break;
            case 0x00320032: ((QueueUnbind) m).write(out); break;
            case 0x003C000A: ((BasicQos) m).write(out); break;
            case 0x003C0014: ((BasicConsume) m).write(out); break;
            case 0x003C0015: ((BasicConsumeOk) m).write(out); break;
            case 0x003C001E: ((BasicCancel) m).write(out); break;
            case 0x003C001F: ((BasicCancelOk) m).write(out); break;
            case 0x003C0028: ((BasicPublish) m).write(out); break;
            case 0x003C0032: ((BasicReturn) m).write(out); break;
            case 0x003C003C: ((BasicDeliver) m).write(out); break;
            case 0x003C0046: ((BasicGet) m).write(out); break;
            case 0x003C0047: ((BasicGetOk) m).write(out); break;
            case 0x003C0048: ((BasicGetEmpty) m).write(out); break;
            case 0x003C0050: ((BasicAck) m).write(out); break;
            case 0x003C005A: ((BasicReject) m).write(out); break;
            case 0x003C0064: ((BasicRecoverAsync) m).write(out); break;
            case 0x003C006E: ((BasicRecover) m).write(out); break;
            case 0x003C0078: ((BasicNack) m).write(out); break;
            case 0x0055000A: ((ConfirmSelect) m).write(out); break;
            default:
                break; // no arguments
        }
    }
}
