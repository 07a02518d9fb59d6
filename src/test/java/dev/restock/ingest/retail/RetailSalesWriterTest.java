package dev.restock.ingest.retail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.DatabaseTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

class RetailSalesWriterTest extends DatabaseTest {

    @Autowired
    RetailSalesWriter writer;

    @Autowired
    OnlineRetailImporter importer;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aBulkLoadAsksTheKernelToWriteBackAsItGoesForItsTransactionOnly() {
        String during = settingDuringBegin();

        assertThat(during).isEqualTo(RetailSalesWriter.BULK_FLUSH_AFTER);
        assertThat(flushAfter()).isEqualTo("0");
    }

    @Test
    void aLaterImportKeepsTheServersWriteBack() {
        importer.importFile(OnlineRetailImporterTest.SMALL);

        String during = settingDuringBegin();

        assertThat(during).isEqualTo("0");
    }

    @Test
    void aBulkLoadFillsTheConstantColumnsOnEveryLineAndLeavesNoDefaultsBehind() {
        importer.importFile(OnlineRetailImporterTest.SMALL);

        assertThat(jdbc.sql("select distinct source || ' ' || currency from sales_lines")
                        .query(String.class)
                        .list())
                .containsExactly("online-retail GBP");
        assertThat(jdbc.sql("select count(*) from sales_lines")
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(jdbc.sql("""
                        select count(*) from information_schema.columns
                        where table_name = 'sales_lines' and column_name in ('source', 'currency')
                          and column_default is not null
                        """).query(Long.class).single()).isZero();
    }

    /**
     * The setting in a session's transaction once its (empty) copy is finished, as the connection
     * answers no query during a COPY; the transaction is then rolled back.
     */
    private String settingDuringBegin() {
        return transaction.execute(status -> {
            status.setRollbackOnly();
            try (var lines = writer.begin(DataSourceUtils.getConnection(dataSource), RetailAttributes.loadBundled())) {
                lines.finishCopy();
                return flushAfter();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private String flushAfter() {
        return jdbc.sql("select current_setting('backend_flush_after')")
                .query(String.class)
                .single();
    }
}
