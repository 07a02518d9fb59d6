package dev.restock.connections;

import dev.restock.orders.Actor;
import dev.restock.orders.OrderSaves;
import dev.restock.orders.SaveAttempt;
import dev.restock.orders.StockOrders;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Saves stock orders to connections so that the table holds the whole order exactly once or none
 * of it (DESIGN.md, "Push"):
 *
 * <ol>
 *   <li>the order is marked {@code saving} with a push attempt id, committed in Restock first;
 *   <li>on the connection, in one transaction: delete rows with the order's ID, insert every
 *       line in one batch, commit;
 *   <li>on any failure: roll back, delete rows with the ID again in a new statement (drivers may
 *       have committed early, or a commit may have succeeded unseen), record the error; the order
 *       is editable again;
 *   <li>count the rows with the ID and compare with the lines;
 *   <li>mark the order {@code saved} in one Restock transaction.
 * </ol>
 *
 * <p>When the compensating delete fails too after an INSERT was sent, nobody knows what the table
 * holds: the order stays {@code saving} and {@link PushRecovery} settles it later. Thread-safe.
 */
@Service
public class OrderPusher {

    private static final Logger log = LoggerFactory.getLogger(OrderPusher.class);

    /** Called after the connection committed and the count matched, before Restock records it. */
    @FunctionalInterface
    interface Checkpoint {
        void committed(SaveAttempt attempt);
    }

    private final Connections connections;
    private final OrderSaves saves;
    private final StockOrders orders;
    private final ContractRows contractRows;
    private final PushWriter writer;
    private final ConnectionOpener opener;
    private final Clock clock;
    private final Checkpoint checkpoint;

    @Autowired
    public OrderPusher(
            Connections connections,
            OrderSaves saves,
            StockOrders orders,
            ContractRows contractRows,
            PushWriter writer,
            ConnectionOpener opener,
            Clock clock) {
        this(connections, saves, orders, contractRows, writer, opener, clock, attempt -> {});
    }

    /** For tests that stop a push between the connection's commit and Restock's record of it. */
    OrderPusher(
            Connections connections,
            OrderSaves saves,
            StockOrders orders,
            ContractRows contractRows,
            PushWriter writer,
            ConnectionOpener opener,
            Clock clock,
            Checkpoint checkpoint) {
        this.connections = connections;
        this.saves = saves;
        this.orders = orders;
        this.contractRows = contractRows;
        this.writer = writer;
        this.opener = opener;
        this.clock = clock;
        this.checkpoint = checkpoint;
    }

    /**
     * Saves an order to a connection.
     *
     * @throws dev.restock.orders.StockOrderException if the order cannot be saved (read-only,
     *     closed or cancelled, no lines); nothing was written
     * @throws PushFailedException if writing failed; the message says what the table holds
     */
    public PushResult push(UUID orderId, String connectionName, Actor actor) {
        Connection connection = connections.get(connectionName);
        SaveAttempt attempt = saves.begin(orderId, connection.name(), actor);
        try (MDC.MDCCloseable order = MDC.putCloseable("orderId", orderId.toString());
                MDC.MDCCloseable push =
                        MDC.putCloseable("pushAttemptId", attempt.attemptId().toString())) {
            log.info(
                    "Saving order '{}' ({} lines) to connection '{}'",
                    attempt.order().reference(),
                    attempt.lines().size(),
                    connection.name());
            return write(attempt, connection, actor);
        }
    }

    private PushResult write(SaveAttempt attempt, Connection connection, Actor actor) {
        String table = connection.tableFor(attempt.order().type());
        String id = attempt.order().id().toString();
        PushWriter.Progress progress = new PushWriter.Progress();
        List<Map<ContractColumn, Object>> rows;
        long count;
        try {
            rows = contractRows.of(attempt, clock.instant());
            count = writer.write(connection, table, id, rows, progress);
        } catch (SQLException | RuntimeException e) {
            throw failed(attempt, connection, table, progress, e, actor);
        }
        if (count != rows.size()) {
            IllegalStateException mismatch = new IllegalStateException(
                    "found " + count + " rows with the order's ID after the commit, expected " + rows.size());
            throw failed(attempt, connection, table, progress, mismatch, actor);
        }

        checkpoint.committed(attempt);
        if (!saves.markSaved(attempt, table, actor)) {
            // Recovery settled this attempt meanwhile; what it decided stands.
            log.warn(
                    "Order '{}' was settled by recovery while being saved",
                    attempt.order().reference());
        }
        log.info(
                "Saved order '{}' to '{}' table '{}': {} rows",
                attempt.order().reference(),
                connection.name(),
                table,
                count);
        return new PushResult(orders.get(attempt.order().id()), connection.name(), table, count);
    }

    /**
     * What the user can do about a failure at {@code step}: check the connection when it could
     * not be opened; create the table when its columns could not be read (most often it is not
     * there yet). Other steps' messages say enough themselves.
     */
    private static String hint(PushWriter.Progress.Step step, Connection connection, String table) {
        String name = connection.name();
        return switch (step) {
            case CONNECTING -> " Run `restock connections test " + name + "` to check that it can be opened.";
            case READING_COLUMNS ->
                " If table " + table + " does not exist yet, create it with `restock connections"
                        + " ddl " + name + " --apply` (or have an administrator run the statements `restock connections"
                        + " ddl " + name + "` prints); `restock connections test " + name + "` checks the tables.";
            default -> "";
        };
    }

    /**
     * Undoes a failed write with a compensating delete and records the outcome on the order. The
     * returned exception's message says what happened and what the user can do.
     *
     * <p>The failure is logged at INFO only: the caller reports the exception (the CLI's error
     * line, the API's problem detail), and a WARN here would print the same text twice on a
     * terminal. The INFO line keeps it in the server's log beside the order and push attempt ids;
     * an unsettled order that recovery cannot settle later is warned about by {@link PushRecovery}.
     */
    private PushFailedException failed(
            SaveAttempt attempt,
            Connection connection,
            String table,
            PushWriter.Progress progress,
            Exception error,
            Actor actor) {
        String reference = attempt.order().reference();
        String problem = "Saving " + reference + " to '" + connection.name() + "' failed while "
                + progress.step().describe(table) + ": " + opener.describe(connection, error) + ".";
        String hint = hint(progress.step(), connection, table);
        if (!progress.tableChangeSent()) {
            // Nothing that changes the table was sent, so there is nothing to undo; a compensating
            // delete would only fail the same way (or wait for a held DuckDB file once more).
            return markFailed(attempt, problem + " Nothing was written;", hint, error, actor);
        }
        String outcome = " Restock removed any rows it wrote;";
        try {
            writer.deleteOrder(connection, table, attempt.order().id().toString());
        } catch (SQLException | RuntimeException compensation) {
            error.addSuppressed(compensation);
            if (progress.insertSent()) {
                String message = problem + " Restock could not remove what it may have written ("
                        + opener.describe(connection, compensation) + "), so the order stays read-only until"
                        + " push recovery checks the table and finishes or undoes the save.";
                saves.recordUnsettled(attempt, message);
                log.info(message);
                return new PushFailedException(message, attempt.order().id(), false, error);
            }
            outcome = " Nothing was written;";
        }
        return markFailed(attempt, problem + outcome, hint, error, actor);
    }

    private PushFailedException markFailed(
            SaveAttempt attempt, String failure, String hint, Exception error, Actor actor) {
        String message = failure + " the order stays editable and can be saved again." + hint;
        saves.markFailed(attempt, message, actor);
        log.info(message);
        return new PushFailedException(message, attempt.order().id(), true, error);
    }
}
