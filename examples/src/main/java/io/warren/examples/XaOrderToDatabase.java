package io.warren.examples;

import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import io.warren.jms.WarrenXAConnectionFactory;
import io.warren.jms.transport.vm.VmBrokers;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;

/**
 * One global (XA) transaction across Warren and a database, run by the Narayana transaction manager: an order
 * is taken from a queue, stored as a row and confirmed on another queue — all three or none. The second order
 * fails once after its row was inserted: the rollback removes the row, drops the confirmation and puts the order
 * back, and its redelivery then commits.
 */
public final class XaOrderToDatabase {
    private XaOrderToDatabase() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("warren-xa-example");
        TransactionManager tm = narayana(work.resolve("narayana"));
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1");
        try (Connection admin = db.getConnection(); Statement st = admin.createStatement()) {
            st.execute("CREATE TABLE orders (id VARCHAR(40) PRIMARY KEY)");
        }
        WarrenXAConnectionFactory cf = new WarrenXAConnectionFactory("vm://xa?dataDir=" + work.resolve("broker"));
        try (XAConnection jms = cf.createXAConnection()) {
            XASession session = jms.createXASession();
            Queue incoming = session.createQueue("incoming-orders");
            Queue confirmations = session.createQueue("confirmations");
            for (int i = 1; i <= 3; i++) {
                session.createProducer(incoming).send(session.createTextMessage("order-" + i));
            }
            jms.start();
            MessageConsumer consumer = session.createConsumer(incoming);
            boolean failedOnce = false;
            while (true) {
                javax.sql.XAConnection sql = db.getXAConnection(); // one per transaction, as a pool hands them out
                tm.begin();
                Transaction tx = tm.getTransaction();
                tx.enlistResource(session.getXAResource());
                tx.enlistResource(sql.getXAResource());
                TextMessage order = (TextMessage) consumer.receive(500); // received inside: part of the transaction
                if (order == null) {
                    tm.rollback();
                    sql.close();
                    break;
                }
                try (PreparedStatement insert = sql.getConnection().prepareStatement("INSERT INTO orders VALUES (?)")) {
                    insert.setString(1, order.getText());
                    insert.executeUpdate();
                }
                session.createProducer(confirmations).send(session.createTextMessage("confirmed " + order.getText()));
                if (order.getText().equals("order-2") && !failedOnce) {
                    failedOnce = true;
                    tm.rollback();
                    System.out.println("[xa] order-2 failed: rolled back (row, confirmation and receipt undone)");
                } else {
                    tm.commit();
                    System.out.println("[xa] committed " + order.getText() + " (redelivered="
                            + order.getJMSRedelivered() + ")");
                }
                sql.close();
            }
            try (Connection c = db.getConnection(); ResultSet rs = c.createStatement()
                    .executeQuery("SELECT COUNT(*) FROM orders")) {
                rs.next();
                System.out.println("[xa] rows in the database: " + rs.getInt(1));
            }
            MessageConsumer out = session.createConsumer(confirmations);
            TextMessage confirmation;
            while ((confirmation = (TextMessage) out.receive(200)) != null) {
                System.out.println("[xa] " + confirmation.getText());
            }
        } finally {
            VmBrokers.stop("xa");
        }
    }

    /** Narayana with its transaction log in {@code store} (by default it writes ./ObjectStore). */
    private static TransactionManager narayana(Path store) {
        for (String name : new String[] {"default", "communicationStore", "stateStore"}) {
            ObjectStoreEnvironmentBean bean = name.equals("default")
                    ? arjPropertyManager.getObjectStoreEnvironmentBean()
                    : BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, name);
            bean.setObjectStoreDir(store.toString());
        }
        return com.arjuna.ats.jta.TransactionManager.transactionManager();
    }
}
