package dev.restock.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.DatabaseTest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The binary COPY format against what PostgreSQL reads from the same values written as text. */
class CopyWriterTest extends DatabaseTest {

    @Autowired
    DataSource dataSource;

    @Test
    void writesEveryDecimalExactlyAsItsTextWouldBeRead() throws Exception {
        Random random = new Random(42);
        List<BigDecimal> values = new ArrayList<>(List.of(
                BigDecimal.ZERO,
                new BigDecimal("0.000"),
                new BigDecimal("-0.5"),
                new BigDecimal("2.55"),
                new BigDecimal("0.005"),
                new BigDecimal("10000"),
                new BigDecimal("1E+5"),
                new BigDecimal("-99999999.999999"),
                new BigDecimal("123456789012345678901234567890.123456789"),
                new BigDecimal("0.00000000000000000001")));
        for (int i = 0; i < 2000; i++) {
            BigInteger unscaled = new BigInteger(1 + random.nextInt(120), random);
            values.add(new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), random.nextInt(30)));
        }

        List<String> stored = copyAndRead("numeric", values, CopyWriter::numeric);

        assertThat(stored)
                .isEqualTo(values.stream()
                        .map(value -> value.scale() < 0 ? value.setScale(0) : value)
                        .map(BigDecimal::toPlainString)
                        .toList());
    }

    @Test
    void roundsToTheColumnsScaleAsTextInputDoes() throws Exception {
        List<BigDecimal> values = List.of(new BigDecimal("2.5500001"), new BigDecimal("-1.0000005"));

        List<String> stored = copyAndRead("numeric(38, 6)", values, CopyWriter::numeric);

        assertThat(stored).containsExactly("2.550000", "-1.000001");
    }

    @Test
    void writesTimesDatesIntegersTextAndNulls() throws Exception {
        Instant time = Instant.parse("2011-06-01T08:00:00Z");
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("drop table if exists copied");
            connection
                    .createStatement()
                    .execute("create temporary table copied (t timestamptz, d date, b bigint, i integer, s text)");
            try (CopyWriter copy = CopyWriter.open(connection, "copied", "t, d, b, i, s")) {
                copy.timestamptz(time.getEpochSecond(), 250)
                        .date(LocalDate.parse("1999-12-31"))
                        .bigint(Long.MIN_VALUE)
                        .integer(-7)
                        .text("tab\\t, \"quote\", café\n");
                copy.endRow();
                copy.nullValue().date(null).bigint(0).integer(0).text(null);
                copy.endRow();
                assertThat(copy.finish()).isEqualTo(2);
            }
            var rows = connection
                    .createStatement()
                    .executeQuery("select t::text, d::text, b, i, s from copied order by b");

            rows.next();
            assertThat(rows.getString(1)).isEqualTo("2011-06-01 08:00:00.00025+00");
            assertThat(rows.getString(2)).isEqualTo("1999-12-31");
            assertThat(rows.getLong(3)).isEqualTo(Long.MIN_VALUE);
            assertThat(rows.getInt(4)).isEqualTo(-7);
            assertThat(rows.getString(5)).isEqualTo("tab\\t, \"quote\", café\n");
            rows.next();
            assertThat(rows.getString(1)).isNull();
            assertThat(rows.getString(2)).isNull();
            assertThat(rows.getString(5)).isNull();
        }
    }

    @Test
    void sendsRowsEncodedInMemoryBeforeTheConnectionWasAskedFor() throws Exception {
        CopyWriter rows = CopyWriter.inMemory(2);
        for (int i = 0; i < 20_000; i++) { // several chunks
            rows.integer(i).text("row " + i);
            rows.endRow();
        }

        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("drop table if exists copied");
            connection.createStatement().execute("create temporary table copied (n integer, s text)");

            assertThat(rows.copyInto(connection, "copied", "n, s")).isEqualTo(20_000);
            var result = connection
                    .createStatement()
                    .executeQuery("select count(*), sum(n), max(s) filter (where n = 19999) from copied");
            result.next();
            assertThat(result.getLong(1)).isEqualTo(20_000);
            assertThat(result.getLong(2)).isEqualTo(19_999L * 20_000 / 2);
            assertThat(result.getString(3)).isEqualTo("row 19999");
        }
    }

    @Test
    void refusesRowsEncodedInMemoryForATableWithAnotherNumberOfColumns() throws Exception {
        CopyWriter rows = CopyWriter.inMemory(2);
        rows.integer(1).text("one");
        rows.endRow();

        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("drop table if exists copied");
            connection.createStatement().execute("create temporary table copied (n integer, s text, b bigint)");

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> rows.copyInto(connection, "copied", "n, s, b"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("rows of 2 values for 3 columns of copied");
        }
    }

    private interface Write<T> {
        void value(CopyWriter copy, T value);
    }

    private <T> List<String> copyAndRead(String type, List<T> values, Write<T> write) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("drop table if exists copied");
            connection.createStatement().execute("create temporary table copied (n integer, v " + type + ")");
            try (CopyWriter copy = CopyWriter.open(connection, "copied", "n, v")) {
                for (int i = 0; i < values.size(); i++) {
                    copy.integer(i);
                    write.value(copy, values.get(i));
                    copy.endRow();
                }
                copy.finish();
            }
            List<String> stored = new ArrayList<>();
            var rows = connection.createStatement().executeQuery("select v::text from copied order by n");
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
            return stored;
        }
    }
}
