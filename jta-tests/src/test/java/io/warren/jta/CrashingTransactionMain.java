package io.warren.jta;

import io.warren.jta.FaultyXAResource.Fault;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.nio.file.Path;

/**
 * The child JVM of {@link NarayanaCrashRecoveryTest}: one Narayana transaction that receives an order from the
 * Warren queue {@value #INCOMING}, sends it on to {@value #ORDERS} and inserts its row into H2, with a
 * {@link FaultyXAResource} that halts the JVM on the way. With {@code HALT_IN_COMMIT} the faulty resource is enlisted
 * first, so Narayana commits it first: the JVM dies after every resource prepared and the log was written, before
 * Warren and H2 committed. With {@code HALT_IN_PREPARE} it is enlisted last: the JVM dies after Warren and H2
 * prepared and before any log was written.
 *
 * <p>Arguments: the fault, Narayana's object store, the node identifier, Warren's data directory, the H2 database
 * file. The broker is persistent and the database a file, so both keep what was prepared. Prints
 * {@code COMMITTING} before the commit and, from the faulty resource, {@code HALT ...}; exits with
 * {@link FaultyXAResource#HALT_STATUS} when halted, 1 if the commit returned.
 */
public final class CrashingTransactionMain {
    static final String INCOMING = "incoming";
    static final String ORDERS = "orders";
    static final int ORDER_ID = 42;

    private CrashingTransactionMain() {
    }

    public static void main(String[] args) throws Exception {
        Fault fault = Fault.valueOf(args[0]);
        TransactionManager tm = NarayanaSetup.configure(Path.of(args[1]), args[2]);
        WarrenBroker broker = WarrenBroker.persistent("crashing", Path.of(args[3]));
        OrderParticipants work = new OrderParticipants(broker, H2Orders.inFile(Path.of(args[4])).createTable());
        Queue incoming = work.queue(INCOMING);
        // outside a global transaction the XA session sends at once
        work.sendOrder(incoming, ORDER_ID);
        MessageConsumer consumer = work.consumer(incoming);

        tm.begin();
        Transaction tx = tm.getTransaction();
        FaultyXAResource faulty = new FaultyXAResource(fault);
        if (fault == Fault.HALT_IN_COMMIT) {
            tx.enlistResource(faulty);
        }
        work.enlistIn(tx);
        if (fault == Fault.HALT_IN_PREPARE) {
            tx.enlistResource(faulty);
        }
        Message m = consumer.receive(WarrenBroker.RECEIVE_TIMEOUT_MS);
        if (m == null) {
            throw new IllegalStateException("no order on " + INCOMING + " within " + WarrenBroker.RECEIVE_TIMEOUT_MS
                    + " ms");
        }
        work.sendOrder(work.queue(ORDERS), OrderFixture.orderId(m));
        work.insertOrder(OrderFixture.orderId(m), "crashed " + fault);
        System.out.println("COMMITTING");
        System.out.flush();
        tm.commit();
        System.out.println("COMMITTED, though " + fault + " should have halted the JVM");
        System.exit(1);
    }
}
