package dev.restock.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Restock's background jobs (sync, push recovery, webhook delivery, nightly replenishment) run
 * through db-scheduler on Restock's own database, so that each job runs once even when several
 * processes share the database.
 *
 * <p>Every package declares its jobs as {@link Task} beans. The {@link Scheduler} bean exists in
 * every process, so that a command can schedule work for later (it is also a
 * {@code SchedulerClient}), but it only <em>executes</em> jobs where {@code restock.jobs.enabled}
 * is true: in {@code serve}, and in tests that ask for it. A one-shot CLI command never picks up a
 * job that a running server should do.
 */
@Configuration(proxyBeanMethods = false)
class BackgroundJobs {

    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);

    @Bean
    Scheduler scheduler(
            DataSource dataSource,
            ObjectProvider<Task<?>> taskBeans,
            @Value("${restock.jobs.poll-interval:PT1S}") Duration pollInterval,
            @Value("${restock.jobs.threads:4}") int threads) {
        List<Task<?>> tasks = taskBeans.orderedStream().toList();
        List<RecurringTask<?>> recurring = new ArrayList<>();
        List<Task<?>> others = new ArrayList<>();
        for (Task<?> task : tasks) {
            if (task instanceof RecurringTask<?> job) {
                recurring.add(job);
            } else {
                others.add(task);
            }
        }
        // startTasks registers the recurring tasks itself; passing them to create() as well makes
        // the builder refuse them as duplicates.
        return Scheduler.create(dataSource, others)
                .startTasks(recurring)
                .pollingInterval(pollInterval)
                .threads(threads)
                .enableImmediateExecution()
                .alwaysPersistTimestampInUTC()
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    /** Starts and stops the scheduler with the context, when this process runs jobs. */
    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler, @Value("${restock.jobs.enabled:false}") boolean enabled) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                if (enabled) {
                    scheduler.start();
                    log.info("Background jobs started");
                }
                running = true;
            }

            @Override
            public void stop() {
                if (enabled) {
                    scheduler.stop();
                }
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
