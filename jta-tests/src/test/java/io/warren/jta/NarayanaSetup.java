package io.warren.jta;

import com.arjuna.ats.arjuna.common.CoreEnvironmentBeanException;
import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.arjuna.common.recoveryPropertyManager;
import com.arjuna.ats.jta.common.jtaPropertyManager;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import jakarta.transaction.TransactionManager;
import java.nio.file.Path;
import java.util.List;

/**
 * Narayana's configuration for these tests, in one place. Narayana reads its configuration beans when its
 * transaction manager or recovery manager first starts in a JVM, so a JVM has one object store and one node
 * identifier, and {@link #configure} must run before either starts. The test JVM takes {@link #testJvm()}; a
 * child JVM that crashes mid-transaction takes the test JVM's object store with a node identifier of its own, so
 * that the test JVM's recovery reads the child's transaction log and recovers the child's branches only.
 *
 * <p>What differs from Narayana's defaults, and why:
 * <ul>
 *   <li>no transaction status manager: it would listen on a socket; recovery, finding no live process behind a
 *       log, reads the transaction's state from the object store instead;</li>
 *   <li>an orphan safety interval of 0: a branch in doubt with no log is rolled back on the first recovery scan
 *       rather than after Narayana's default of 20 s (nothing else runs transactions of the recovered node);</li>
 *   <li>a recovery backoff of 1 s between the two passes of a scan, and no recovery listener socket.</li>
 * </ul>
 * Thread-safe: methods are synchronized.
 */
public final class NarayanaSetup {
    /** The node identifier of the test JVM's own transactions. */
    public static final String TEST_JVM_NODE = "warren-jta-tests";

    private static Path objectStore;
    private static String node;

    private NarayanaSetup() {
    }

    /**
     * The transaction manager of the test JVM, whose object store is {@code target/narayana/store-PID}
     * (configured on the first call).
     */
    public static synchronized TransactionManager testJvm() {
        if (objectStore == null) {
            return configure(Path.of("target", "narayana", "store-" + ProcessHandle.current().pid()), TEST_JVM_NODE);
        }
        return com.arjuna.ats.jta.TransactionManager.transactionManager();
    }

    /** The object store this JVM was configured with. */
    public static synchronized Path objectStore() {
        if (objectStore == null) {
            throw new IllegalStateException("Narayana is not configured in this JVM yet");
        }
        return objectStore;
    }

    /**
     * Configures this JVM's Narayana (a second call with the same arguments changes nothing) and returns its
     * transaction manager.
     *
     * @throws IllegalStateException if Narayana was configured differently before: its beans are read once
     */
    public static synchronized TransactionManager configure(Path store, String nodeIdentifier) {
        Path dir = store.toAbsolutePath();
        if (objectStore != null) {
            if (objectStore.equals(dir) && node.equals(nodeIdentifier)) {
                return com.arjuna.ats.jta.TransactionManager.transactionManager();
            }
            throw new IllegalStateException("Narayana already runs with object store " + objectStore + " and node "
                    + node + "; it cannot move to " + dir + " and " + nodeIdentifier);
        }
        for (String name : List.of("default", "communicationStore", "stateStore")) {
            ObjectStoreEnvironmentBean bean = name.equals("default")
                    ? arjPropertyManager.getObjectStoreEnvironmentBean()
                    : BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, name);
            bean.setObjectStoreDir(dir.toString());
        }
        try {
            arjPropertyManager.getCoreEnvironmentBean().setNodeIdentifier(nodeIdentifier);
        } catch (CoreEnvironmentBeanException e) {
            throw new IllegalArgumentException("bad Narayana node identifier '" + nodeIdentifier + "'", e);
        }
        arjPropertyManager.getCoordinatorEnvironmentBean().setTransactionStatusManagerEnable(false);
        jtaPropertyManager.getJTAEnvironmentBean().setXaRecoveryNodes(List.of(nodeIdentifier));
        jtaPropertyManager.getJTAEnvironmentBean().setOrphanSafetyInterval(0);
        recoveryPropertyManager.getRecoveryEnvironmentBean().setRecoveryBackoffPeriod(1);
        recoveryPropertyManager.getRecoveryEnvironmentBean().setRecoveryListener(false);
        objectStore = dir;
        node = nodeIdentifier;
        return com.arjuna.ats.jta.TransactionManager.transactionManager();
    }
}
