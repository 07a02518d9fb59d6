package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.DatabaseTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ForecastCommandTest extends DatabaseTest {

    private static final LocalDate START = LocalDate.of(2011, 6, 6);

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void backtestPrintsEveryMethodTheBaselinesAndTheChoiceAsJson() {
        history(140);

        int exitCode = run("forecast", "backtest", "--format", "json", "--holdout-weeks", "4");

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("\"holdoutWeeks\" : 4", "\"series\" : 2")
                .contains("\"name\" : \"naive\"", "\"name\" : \"seasonal-naive\"", "\"name\" : \"per-variant choice\"")
                .contains("\"wape\"", "\"mase\"", "\"choices\"");
    }

    @Test
    void backtestPrintsATable() {
        history(140);

        int exitCode = run("forecast", "backtest");

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("| forecast | kind | WAPE | MASE | bias |", "| per-variant choice | choice |");
    }

    @Test
    void backtestWithoutHistorySaysWhatToImport() {
        int exitCode = run("forecast", "backtest");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("no daily demand", "restock import online-retail");
    }

    @Test
    void aHoldOutOfNoWeeksIsBadUsage() {
        assertThat(run("forecast", "backtest", "--holdout-weeks", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--holdout-weeks must be at least 1");
    }

    private int run(String... args) {
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        String[] withHome = new String[args.length + 2];
        withHome[0] = "--home";
        withHome[1] = TEST_HOME.toString();
        System.arraycopy(args, 0, withHome, 2, args.length);
        return command.execute(withHome);
    }

    /** Two variants in one warehouse trading Monday to Friday, selling a little every few days. */
    private void history(int days) {
        jdbc.sql("insert into warehouses (code, name) values ('LDN', 'London')").update();
        jdbc.sql("insert into variants (sku, title) values ('A', 'Lantern'), ('B', 'Mug')")
                .update();
        for (int day = 0; day < days; day++) {
            LocalDate date = START.plusDays(day);
            if (date.getDayOfWeek().getValue() >= 6) {
                continue;
            }
            jdbc.sql("insert into trading_days (warehouse_id, day) values (1, ?)")
                    .param(date)
                    .update();
            if (day % 2 == 0) {
                sale(1, date, 3 + day % 5);
            }
            if (day % 3 == 0) {
                sale(2, date, 10);
            }
        }
    }

    private void sale(long variant, LocalDate day, double quantity) {
        jdbc.sql("insert into daily_demand (variant_id, warehouse_id, day, sold) values (?, 1, ?, ?)")
                .params(variant, day, quantity)
                .update();
    }
}
