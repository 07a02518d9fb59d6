package dev.restock.connections;

import dev.restock.orders.Actor;
import dev.restock.orders.OrderSaves;
import dev.restock.orders.SaveAttempt;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Settles pushes that were interrupted (the process died, or a failure could not be undone):
 * orders left in {@code saving}. The connection's table decides: if it holds every line of the
 * order, the push finished and the order is marked saved; otherwise the rows are deleted and the
 * order is editable again.
 */
@Component
public class PushRecovery {

    private static final Logger log = LoggerFactory.getLogger(PushRecovery.class);

    /** What one recovery run did; {@code unsettled} orders are still {@code saving}. */
    public record Outcome(int saved, int undone, int unsettled) {}

    private final OrderSaves saves;
    private final Connections connections;
    private final PushWriter writer;
    private final ConnectionOpener opener;

    public PushRecovery(OrderSaves saves, Connections connections, PushWriter writer, ConnectionOpener opener) {
        this.saves = saves;
        this.connections = connections;
        this.writer = writer;
        this.opener = opener;
    }

    /** Settles every order left in {@code saving}; for a single process ({@code orders recover}). */
    public Outcome recoverInterruptedPushes() {
        return recoverInterruptedPushes(attempt -> true);
    }

    /**
     * Settles the orders left in {@code saving} that are {@code due}. The {@code push-recovery}
     * job ({@link SyncJobs}) passes only attempts older than a push timeout: with several
     * instances, a younger one may belong to a push still running.
     */
    public Outcome recoverInterruptedPushes(java.util.function.Predicate<SaveAttempt> due) {
        int saved = 0;
        int undone = 0;
        int unsettled = 0;
        for (SaveAttempt attempt : saves.unsettled().stream().filter(due).toList()) {
            try (MDC.MDCCloseable order =
                            MDC.putCloseable("orderId", attempt.order().id().toString());
                    MDC.MDCCloseable push = MDC.putCloseable(
                            "pushAttemptId", attempt.attemptId().toString())) {
                switch (settle(attempt)) {
                    case SAVED -> saved++;
                    case UNDONE -> undone++;
                    case UNSETTLED -> unsettled++;
                }
            }
        }
        if (saved + undone + unsettled > 0) {
            log.info("Push recovery: {} saved, {} undone, {} still unsettled", saved, undone, unsettled);
        }
        return new Outcome(saved, undone, unsettled);
    }

    private enum Result {
        SAVED,
        UNDONE,
        UNSETTLED
    }

    private Result settle(SaveAttempt attempt) {
        String reference = attempt.order().reference();
        Optional<Connection> found = connections.find(attempt.connection());
        if (found.isEmpty()) {
            saves.recordUnsettled(
                    attempt,
                    "Connection '" + attempt.connection() + "' no longer exists; add it"
                            + " again so that push recovery can check whether " + reference + " was saved.");
            return Result.UNSETTLED;
        }
        Connection connection = found.get();
        String table = connection.tableFor(attempt.order().type());
        String id = attempt.order().id().toString();
        try {
            long count = writer.countOrder(connection, table, id);
            if (count == attempt.lines().size()) {
                saves.markSaved(attempt, table, Actor.system());
                log.info("Order '{}' was found whole in '{}' and is marked saved", reference, table);
                return Result.SAVED;
            }
            writer.deleteOrder(connection, table, id);
            saves.markFailed(
                    attempt,
                    "An interrupted save of " + reference + " to '" + connection.name() + "' left "
                            + count + " of " + attempt.lines().size() + " rows; Restock removed them. The order stays"
                            + " editable and can be saved again.",
                    Actor.system());
            log.info(
                    "Order '{}' had {} of {} rows in '{}'; removed them",
                    reference,
                    count,
                    attempt.lines().size(),
                    table);
            return Result.UNDONE;
        } catch (SQLException | RuntimeException e) {
            String message = "Push recovery could not check " + reference + " in '" + connection.name() + "': "
                    + opener.describe(connection, e) + ". The order stays read-only; recovery tries again.";
            saves.recordUnsettled(attempt, message);
            log.warn(message);
            return Result.UNSETTLED;
        }
    }
}
