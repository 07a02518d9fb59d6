package dev.restock.ingest.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.restock.DatabaseTest;
import dev.restock.ingest.ImportSummary;
import dev.restock.sales.CatalogSummaryQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The whole real data set, when ../shared/data holds it (it is never committed). */
class OnlineRetailFullDataIT extends DatabaseTest {

    static final Path DATA = Path.of("../shared/data/online-retail.csv.gz");

    @Autowired
    OnlineRetailImporter importer;

    @Autowired
    CatalogSummaryQuery catalog;

    @Test
    void importsEveryLineOfTheRealDataSetOnceAndNothingTheSecondTime() {
        assumeTrue(Files.exists(DATA), "the Online Retail data set is not at " + DATA);

        ImportSummary first = importer.importFile(DATA);
        ImportSummary second = importer.importFile(DATA);

        assertThat(first.linesRead()).isEqualTo(541_909);
        assertThat(first.linesImported() + first.linesSkipped()).isEqualTo(541_909);
        assertThat(first.skipped()).containsKeys("POST (postage)", "M (manual line)", "D (discount)");
        assertThat(second.linesRead()).isEqualTo(541_909);
        assertThat(second.linesImported()).isZero();
        assertThat(second.changed()).isFalse();
        var summary = catalog.summary();
        assertThat(summary.salesLines()).isEqualTo(first.linesImported());
        assertThat(summary.warehouses()).isEqualTo(2);
        assertThat(summary.firstSale()).isEqualTo(LocalDate.parse("2010-12-01"));
        assertThat(summary.lastSale()).isEqualTo(LocalDate.parse("2011-12-09"));
        assertThat(jdbc.sql("select count(*) from trading_days where extract(isodow from day) = 6")
                        .query(Long.class)
                        .single())
                .as("the store never traded on a Saturday")
                .isZero();
    }
}
