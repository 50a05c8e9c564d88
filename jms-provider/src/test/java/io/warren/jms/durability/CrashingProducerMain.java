package io.warren.jms.durability;

import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.StringJoiner;

/**
 * The producer {@link ProducerCrashTest} kills: it opens {@code vm://crash?dataDir=DIR&sync=always} and sends
 * persistent messages to queue {@value #QUEUE} until it is killed, each with a unique int property {@code seq}.
 * It mixes single sends on an AUTO_ACKNOWLEDGE session and transacted batches of 1–10 messages, about one in five
 * of which it rolls back. Its stdout protocol, one line per event, flushed at once:
 * <ul>
 *   <li>{@code READY}: connected;</li>
 *   <li>{@code SEND id}: about to send one message; {@code BEGIN COMMIT|ROLLBACK id...}: about to send a batch it
 *       will commit or roll back;</li>
 *   <li>{@code ACK id...}: the send, or the commit, of these messages returned;</li>
 *   <li>{@code ROLLBACK id...}: the rollback of these messages returned.</li>
 * </ul>
 * A message is never printed in an {@code ACK} line before its send or commit has returned.
 *
 * <p>Arguments: data directory, random seed.
 */
public final class CrashingProducerMain {
    static final String QUEUE = "crash-queue";
    static final String SEQ = "seq";

    private CrashingProducerMain() {
    }

    public static void main(String[] args) throws Exception {
        String dataDir = args[0];
        Random random = new Random(Long.parseLong(args[1]));
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        WarrenConnectionFactory factory = new WarrenConnectionFactory("vm://crash?dataDir=" + dataDir + "&sync=always");
        Connection connection = factory.createConnection();
        Session auto = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = auto.createQueue(QUEUE);
        MessageProducer single = auto.createProducer(queue);
        MessageProducer batch = tx.createProducer(queue);
        single.setDeliveryMode(DeliveryMode.PERSISTENT);
        batch.setDeliveryMode(DeliveryMode.PERSISTENT);
        emit(out, "READY");
        int seq = 0;
        while (true) {
            if (random.nextBoolean()) {
                int id = seq++;
                emit(out, "SEND " + id);
                single.send(message(auto, id));
                emit(out, "ACK " + id);
            } else {
                int size = 1 + random.nextInt(10);
                boolean commit = random.nextInt(5) != 0;
                StringJoiner ids = new StringJoiner(" ");
                int first = seq;
                for (int i = 0; i < size; i++) {
                    ids.add(Integer.toString(seq++));
                }
                emit(out, "BEGIN " + (commit ? "COMMIT " : "ROLLBACK ") + ids);
                for (int id = first; id < seq; id++) {
                    batch.send(message(tx, id));
                }
                if (commit) {
                    tx.commit();
                    emit(out, "ACK " + ids);
                } else {
                    tx.rollback();
                    emit(out, "ROLLBACK " + ids);
                }
            }
        }
    }

    private static TextMessage message(Session session, int id) throws Exception {
        TextMessage m = session.createTextMessage("message " + id);
        m.setIntProperty(SEQ, id);
        return m;
    }

    private static void emit(PrintStream out, String line) {
        out.println(line);
        out.flush();
    }
}
