package dev.restock.replenishment;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.restock.RestockException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The nightly replenishment: computes and stores the report (see {@link ReplenishmentSnapshots})
 * every day at {@code restock.replenishment.nightly-at} (default 02:00) in
 * {@code restock.replenishment.time-zone}, by default the store's zone: the time zone most
 * warehouses have, else UTC. It runs only in a process that runs jobs ({@code serve}).
 */
@Configuration(proxyBeanMethods = false)
class ReplenishmentJobs {

    static final String NIGHTLY = "replenishment-nightly";

    @Bean
    Task<Void> nightlyReplenishment(
            ReplenishmentSnapshots snapshots,
            JdbcClient jdbc,
            @Value("${restock.replenishment.nightly-at:02:00}") String nightlyAt,
            @Value("${restock.replenishment.time-zone:}") String timeZone) {
        NightlySchedule schedule = new NightlySchedule(time(nightlyAt), () -> zone(timeZone, jdbc));
        return Tasks.recurring(NIGHTLY, schedule).execute((instance, context) -> snapshots.refresh());
    }

    private static LocalTime time(String value) {
        try {
            return LocalTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new RestockException("restock.replenishment.nightly-at '" + value
                    + "' is not a time of day such as 02:00. Restock did not start. Fix the setting.");
        }
    }

    static ZoneId zone(String configured, JdbcClient jdbc) {
        if (!configured.isBlank()) {
            try {
                return ZoneId.of(configured.trim());
            } catch (RuntimeException e) {
                throw new RestockException("restock.replenishment.time-zone '" + configured
                        + "' is not a time zone such as Europe/London. Fix the setting.");
            }
        }
        return jdbc.sql("""
                select time_zone from warehouses where not removed
                group by time_zone order by count(*) desc, time_zone limit 1
                """).query(String.class).optional().map(ZoneId::of).orElse(ZoneId.of("UTC"));
    }
}
