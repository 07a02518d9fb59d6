package dev.restock.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Restock's transaction manager: Spring's JDBC one, made safe to stop. When the context closes
 * (Ctrl-C), it lets a commit already sent finish before the pool is closed, and refuses (rolls
 * back) any commit asked for after that. A pool closed in the middle of a commit would leave the
 * outcome unknown to Restock (the server may have committed while the client saw an error); this
 * way every transaction a stopping process had open ends committed or rolled back, and it knows
 * which.
 *
 * <p>Thread-safe: the count of commits in flight is guarded by this object's monitor.
 */
final class StoppingTransactionManager extends JdbcTransactionManager implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StoppingTransactionManager.class);

    /** How long a stop waits for a commit in flight (a bulk load's commit writes its files out). */
    static final Duration COMMIT_WAIT = Duration.ofSeconds(60);

    private int committing;
    private boolean closed;

    StoppingTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        enterCommit(status);
        try {
            super.doCommit(status);
        } finally {
            leaveCommit();
        }
    }

    private void enterCommit(DefaultTransactionStatus status) {
        synchronized (this) {
            if (!closed) {
                committing++;
                return;
            }
        }
        doRollback(status);
        throw new TransactionSystemException("Restock is stopping: the transaction was rolled back, not committed");
    }

    private synchronized void leaveCommit() {
        committing--;
        notifyAll();
    }

    /** Runs before the pool closes (the pool is a dependency): waits for commits in flight. */
    @Override
    public void destroy() throws InterruptedException {
        long deadline = System.nanoTime() + COMMIT_WAIT.toNanos();
        synchronized (this) {
            closed = true;
            while (committing > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.warn("A commit still runs after {} s; closing the pool under it", COMMIT_WAIT.toSeconds());
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }
}
