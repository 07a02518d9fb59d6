package dev.restock.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.DatabaseTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

class StoppingTransactionManagerTest extends DatabaseTest {

    @Autowired
    DataSource dataSource;

    @Test
    void rollsBackACommitAskedForAfterTheStopInsteadOfCuttingItOff() throws Exception {
        StoppingTransactionManager manager = new StoppingTransactionManager(dataSource);
        TransactionTemplate transaction = new TransactionTemplate(manager);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    jdbc.sql("create table stop_probe (id int)").update();
                    stopDuring(manager);
                }))
                .isInstanceOf(TransactionSystemException.class)
                .hasMessageContaining("rolled back, not committed");

        assertThat(jdbc.sql("select to_regclass('stop_probe') is null")
                        .query(Boolean.class)
                        .single())
                .as("the transaction's table was rolled back")
                .isTrue();
    }

    @Test
    void commitsAsUsualUntilTheStop() {
        TransactionTemplate transaction = new TransactionTemplate(new StoppingTransactionManager(dataSource));

        transaction.executeWithoutResult(
                status -> jdbc.sql("create table stop_kept (id int)").update());

        try {
            assertThat(jdbc.sql("select to_regclass('stop_kept') is not null")
                            .query(Boolean.class)
                            .single())
                    .isTrue();
        } finally {
            jdbc.sql("drop table if exists stop_kept").update();
        }
    }

    private static void stopDuring(StoppingTransactionManager manager) {
        try {
            manager.destroy();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
