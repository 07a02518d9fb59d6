package dev.restock.connections.snowflake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/**
 * Faults armed by a test, each firing once on a statement the fake is about to execute.
 *
 * <p>Statements are counted as the driver executes them, including those it sends by itself for
 * {@code setAutoCommit}, {@code commit} and {@code rollback}; the {@code describeOnly} requests
 * it sends before a batch are not counted. A statement re-sent with the same request id (after
 * a token renewal or a network retry) counts once: that is how the driver asks the service for
 * the same execution again.
 *
 * <p>Thread-safe: the HTTP server answers on several threads.
 */
final class FakeSnowflakeFaults {

    /** What happens to a statement a fault fires on. */
    sealed interface Fault {
        /** The statement is not executed and the answer is this Snowflake error. */
        record Fail(FakeSnowflakeError error) implements Fault {}

        /** The statement is not executed and the connection is closed without an answer. */
        record Drop() implements Fault {}

        /**
         * The statement is executed and its answer withheld until {@code released} counts down;
         * {@code reached} counts down when the answer is ready.
         */
        record Hold(CountDownLatch reached, CountDownLatch released) implements Fault {

            Hold() {
                this(new CountDownLatch(1), new CountDownLatch(1));
            }
        }
    }

    private record Armed(long atStatement, Pattern matching, Fault fault) {}

    private final List<Armed> armed = new ArrayList<>();
    private final Set<String> countedRequestIds = new HashSet<>();
    private final Set<String> droppedRequestIds = new HashSet<>();
    private long statementsSeen;

    synchronized void onStatement(int n, Fault fault) {
        if (n < 1) {
            throw new IllegalArgumentException("n counts statements from now and starts at 1, not " + n);
        }
        armed.add(new Armed(statementsSeen + n, null, fault));
    }

    synchronized void onStatementMatching(String regex, Fault fault) {
        Pattern pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        armed.add(new Armed(0, pattern, fault));
    }

    /**
     * The fault to apply to a statement about to run, if one fires. A dropped request stays
     * dropped for every retry of it, so the driver exhausts its retries and fails instead of
     * succeeding on the second attempt.
     */
    synchronized Optional<Fault> firing(String requestId, String sql) {
        if (droppedRequestIds.contains(requestId)) {
            return Optional.of(new Fault.Drop());
        }
        if (!countedRequestIds.add(requestId)) {
            return Optional.empty();
        }
        statementsSeen++;

        Iterator<Armed> iterator = armed.iterator();
        while (iterator.hasNext()) {
            Armed candidate = iterator.next();
            boolean fires = candidate.matching() == null
                    ? candidate.atStatement() == statementsSeen
                    : candidate.matching().matcher(sql).find();
            if (fires) {
                iterator.remove();
                if (candidate.fault() instanceof Fault.Drop) {
                    droppedRequestIds.add(requestId);
                }
                return Optional.of(candidate.fault());
            }
        }
        return Optional.empty();
    }
}
