package dev.restock.connections;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The connection jobs as db-scheduler tasks; what each does is in {@link SyncJobs}. */
@Configuration(proxyBeanMethods = false)
class SyncJobTasks {

    static final String SYNC = "connection-sync";

    @Bean
    CustomTask<Void> connectionSyncTask(SyncJobs jobs, Clock clock) {
        return Tasks.custom(SYNC, Void.class).execute((instance, context) -> {
            jobs.syncConnection(instance.getId());
            return (complete, operations) ->
                    operations.reschedule(complete, clock.instant().plus(jobs.interval()));
        });
    }

    @Bean
    RecurringTask<Void> connectionSyncPlannerTask(
            SyncJobs jobs,
            CustomTask<Void> connectionSyncTask,
            @Value("${restock.sync.planner-interval:PT1M}") Duration every) {
        return Tasks.recurring("connection-sync-planner", FixedDelay.of(every))
                .execute((instance, context) ->
                        jobs.planSyncs(context.getSchedulerClient(), connectionSyncTask::instance));
    }

    @Bean
    Task<Void> pushRecoveryTask(SyncJobs jobs, @Value("${restock.push.recovery-interval:PT1M}") Duration every) {
        return Tasks.recurring("push-recovery", FixedDelay.of(every))
                .execute((instance, context) -> jobs.recoverPushes());
    }
}
