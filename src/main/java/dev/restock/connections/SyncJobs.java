package dev.restock.connections;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.restock.orders.OrderHistory;
import dev.restock.orders.OrderSyncWriter;
import dev.restock.orders.SaveAttempt;
import dev.restock.orders.SaveState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the connection jobs do (declared as db-scheduler tasks in {@link SyncJobTasks}); here so
 * that tests can run a job's body without a running scheduler.
 *
 * <ul>
 *   <li>{@code connection-sync}, one instance per connection (instance id = connection name): a
 *       sync pass, then again after {@code restock.sync.interval} (default 5 minutes).
 *   <li>{@code connection-sync-planner}, every minute: gives every connection with open saved
 *       orders its {@code connection-sync} instance, so a new connection needs no set-up.
 *   <li>{@code push-recovery}, every minute: settles orders left in {@code saving} whose push
 *       began more than {@code restock.push.timeout} (default 10 minutes) ago; younger ones may
 *       belong to a push still running on another instance.
 * </ul>
 */
@Component
public class SyncJobs {

    private static final Logger log = LoggerFactory.getLogger(SyncJobs.class);

    private final OrderSync sync;
    private final OrderSyncWriter writer;
    private final PushRecovery recovery;
    private final OrderHistory history;
    private final Clock clock;
    private final Duration interval;
    private final Duration pushTimeout;

    SyncJobs(
            OrderSync sync,
            OrderSyncWriter writer,
            PushRecovery recovery,
            OrderHistory history,
            Clock clock,
            @Value("${restock.sync.interval:PT5M}") Duration interval,
            @Value("${restock.push.timeout:PT10M}") Duration pushTimeout) {
        this.sync = sync;
        this.writer = writer;
        this.recovery = recovery;
        this.history = history;
        this.clock = clock;
        this.interval = interval;
        this.pushTimeout = pushTimeout;
    }

    /** How long after one pass of a connection the next one runs. */
    public Duration interval() {
        return interval;
    }

    /**
     * The body of {@code connection-sync}: one pass; a failure, and each order the pass could
     * not apply, is logged as a warning, never thrown, so the next pass still runs on time.
     *
     * @return the pass's result, or empty if the connection could not be synced
     */
    public Optional<SyncResult> syncConnection(String connection) {
        try {
            SyncResult result = sync.sync(connection);
            result.problems()
                    .forEach(problem -> log.warn(
                            "Scheduled sync of connection '{}', order '{}': {}",
                            connection,
                            problem.reference(),
                            problem.problem()));
            return Optional.of(result);
        } catch (RuntimeException e) {
            log.warn("Scheduled sync of connection '{}' failed: {}", connection, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The body of {@code connection-sync-planner}: schedules now a sync instance for every
     * connection with open saved orders that has none.
     *
     * @param instance the sync task's instance of a connection
     * @return the connections that got a new instance
     */
    public List<String> planSyncs(SchedulerClient client, Function<String, TaskInstance<Void>> instance) {
        List<String> planned = new ArrayList<>();
        Instant now = clock.instant();
        for (String connection : writer.connectionsToSync()) {
            if (client.scheduleIfNotExists(instance.apply(connection), now)) {
                planned.add(connection);
            }
        }
        if (!planned.isEmpty()) {
            log.info("Scheduled sync of connections {} every {}", planned, interval);
        }
        return planned;
    }

    /** The body of {@code push-recovery}: settles pushes older than the push timeout. */
    public PushRecovery.Outcome recoverPushes() {
        Instant startedBefore = clock.instant().minus(pushTimeout);
        return recovery.recoverInterruptedPushes(attempt ->
                pushStarted(attempt).map(at -> at.isBefore(startedBefore)).orElse(true));
    }

    /** When the attempt's order became {@code saving}, by its history. */
    private Optional<Instant> pushStarted(SaveAttempt attempt) {
        return history.of(attempt.order().id()).stream()
                .filter(change -> change.field().equals("save_state")
                        && SaveState.SAVING.code().equals(change.newValue()))
                .map(OrderHistory.Change::at)
                .max(Instant::compareTo);
    }
}
