package io.warren.jta;

import com.arjuna.ats.arjuna.AtomicAction;
import com.arjuna.ats.arjuna.common.Uid;
import com.arjuna.ats.arjuna.exceptions.ObjectStoreException;
import com.arjuna.ats.arjuna.objectstore.StoreManager;
import com.arjuna.ats.arjuna.recovery.RecoveryManager;
import com.arjuna.ats.arjuna.state.InputObjectState;
import com.arjuna.ats.internal.arjuna.common.UidHelper;
import com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule;
import com.arjuna.ats.jta.common.jtaPropertyManager;
import com.arjuna.ats.jta.recovery.XAResourceRecoveryHelper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.transaction.xa.XAResource;

/**
 * Runs Narayana's recovery in the test JVM as a recovery manager process would, on the object store of
 * {@link NarayanaSetup}: one {@link RecoveryManager} in direct management (no background thread; the caller runs
 * each scan), whose XA recovery module is handed the resources to ask for branches in doubt. A scan commits the
 * branches of transactions whose log says commit and rolls back branches of the recovered node that no log
 * covers (presumed abort). Not for concurrent use: the resources and recovered node are set for the duration of
 * one {@link #scanUntil} call.
 */
final class NarayanaRecovery {
    private NarayanaRecovery() {
    }

    /**
     * Scans until {@code done} holds, giving the XA recovery module {@code resources} and recovering the branches
     * of transactions started by {@code node}.
     *
     * @return how many scans it took (each scan is two passes, {@code recoveryBackoffPeriod} apart)
     * @throws AssertionError if {@code done} still does not hold after {@code timeout}
     */
    static int scanUntil(String node, List<XAResource> resources, BooleanSupplier done, Duration timeout) {
        NarayanaSetup.testJvm();
        RecoveryManager manager = RecoveryManager.manager(RecoveryManager.DIRECT_MANAGEMENT);
        XARecoveryModule module = manager.getModules().stream()
                .filter(XARecoveryModule.class::isInstance).map(XARecoveryModule.class::cast)
                .findFirst().orElseThrow(() -> new IllegalStateException("Narayana runs no XARecoveryModule"));
        XAResourceRecoveryHelper helper = new FixedResources(resources);
        jtaPropertyManager.getJTAEnvironmentBean().setXaRecoveryNodes(List.of(node));
        module.addXAResourceRecoveryHelper(helper);
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            int scans = 0;
            while (!done.getAsBoolean()) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("recovery was not done after " + scans + " scans in " + timeout);
                }
                manager.scan();
                scans++;
            }
            return scans;
        } finally {
            module.removeXAResourceRecoveryHelper(helper);
            jtaPropertyManager.getJTAEnvironmentBean().setXaRecoveryNodes(List.of(NarayanaSetup.TEST_JVM_NODE));
        }
    }

    /**
     * The uids of the transaction logs in the object store: transactions that prepared and have not completed
     * every participant.
     */
    static List<String> transactionLogs() throws ObjectStoreException, IOException {
        NarayanaSetup.testJvm();
        InputObjectState uids = new InputObjectState();
        List<String> logs = new ArrayList<>();
        if (StoreManager.getRecoveryStore().allObjUids(new AtomicAction().type(), uids)) {
            for (Uid uid = UidHelper.unpackFrom(uids); !uid.equals(Uid.nullUid()); uid = UidHelper.unpackFrom(uids)) {
                logs.add(uid.stringForm());
            }
        }
        return logs;
    }

    /** Hands the recovery module the same resources on every scan. */
    private record FixedResources(List<XAResource> resources) implements XAResourceRecoveryHelper {
        @Override
        public boolean initialise(String properties) {
            return true;
        }

        @Override
        public XAResource[] getXAResources() {
            return resources.toArray(new XAResource[0]);
        }
    }
}
