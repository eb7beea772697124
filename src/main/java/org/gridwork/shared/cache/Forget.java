package org.gridwork.shared.cache;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Dropping what a cache holds after a change: at once, and inside a transaction again when it ends. */
public final class Forget {

    private Forget() {
    }

    /**
     * Runs {@code forget} now and, inside a transaction, once more when it ends: a reader may
     * have cached the old state again before the change was committed.
     */
    public static void nowAndAtTransactionEnd(Runnable forget) {
        forget.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget.run();
                }
            });
        }
    }
}
