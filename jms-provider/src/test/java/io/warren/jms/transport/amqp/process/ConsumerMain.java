package io.warren.jms.transport.amqp.process;

import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * A JMS consumer in a JVM of its own: {@code ConsumerMain <url> <queue> <count> <clientID>} holds the client ID,
 * prints {@code READY} once its consumer is open, receives {@code count} messages in a transacted session
 * (commit every 100) and prints {@code RECEIVED <n> ORDERED <true|false>}.
 */
public final class ConsumerMain {
    private ConsumerMain() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[2]);
        WarrenConnectionFactory f = new WarrenConnectionFactory(args[0]);
        f.setClientID(args[3]);
        try (Connection c = f.createConnection()) {
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = s.createConsumer(s.createQueue(args[1]));
            c.start();
            System.out.println("READY");
            System.out.flush();
            int received = 0;
            boolean ordered = true;
            while (received < count) {
                TextMessage m = (TextMessage) consumer.receive(60_000);
                if (m == null) {
                    break;
                }
                ordered &= m.getText().equals("m-" + received) && m.getIntProperty("seq") == received;
                received++;
                if (received % 100 == 0) {
                    s.commit();
                }
            }
            s.commit();
            System.out.println("RECEIVED " + received + " ORDERED " + ordered);
        }
    }
}
