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
