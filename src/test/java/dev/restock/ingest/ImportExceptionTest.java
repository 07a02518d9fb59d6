package dev.restock.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImportExceptionTest {

    @Test
    void aProblemEndingInAPeriodIsFollowedByOnePeriodOnly() {
        ImportException error = new ImportException("sales.csv", "cannot be read: Input/output error.");

        assertThat(error.getMessage())
                .isEqualTo("sales.csv: cannot be read: Input/output error. Nothing was imported.");
    }

    @Test
    void namesFileLineColumnAndField() {
        ImportException error = new ImportException("sales.csv", 3, 4, "Quantity", "'six' is not a number");

        assertThat(error.getMessage())
                .isEqualTo("sales.csv, line 3, column 4 (Quantity): 'six' is not a number. Nothing was imported.");
    }
}
