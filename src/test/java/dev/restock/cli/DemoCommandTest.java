package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.ingest.ImportSummary;
import dev.restock.sales.CatalogSummary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {

    @TempDir
    Path home;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @Test
    void theCatalogLineSaysTheDemoAssembliesAddToTheVariantsImportedFromSales() {
        var imported = new ImportSummary(
                "online-retail", "f.csv", 10, 10, 0, 3942, true, Map.of(), Map.of("assemblies", 5L), List.of());
        var catalog =
                new CatalogSummary(3947, 2, 6, 10, LocalDate.of(2010, 12, 1), LocalDate.of(2011, 12, 9), 374, 305);

        String line = DemoCommand.catalogLine(imported, catalog);

        assertThat(line).startsWith("Catalog: 3,947 variants (3,942 from the sales, 5 demo assemblies), 2 warehouses");
    }

    @Test
    void runsInAFreshDemoHomeAndSavesNothingWhenNothingIsToBeBought() throws Exception {
        Path demoHome = home.resolve("demo");
        Files.createDirectories(demoHome);
        Files.writeString(demoHome.resolve("left-from-before.txt"), "old");

        int exitCode = run(
                "--home",
                home.toString(),
                "demo",
                "--sales",
                "src/test/resources/online-retail/small.csv",
                "--format",
                "json");

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(demoHome.resolve("left-from-before.txt")).doesNotExist();
        assertThat(out.toString())
                .contains("\"linesRead\" : 11", "\"salesLines\" : 8", "\"warehouses\" : 2")
                .contains("\"replenishment\" : [", "\"linesToOrder\"")
                .containsPattern("\"proposedOrders\" : \\{[^}]*\"transfer\" : 1")
                .contains("\"home\" : \"" + demoHome + "\"")
                .contains("\"downstream\" : \"none\"");
        assertThat(number("ordersSaved")).isZero();
    }

    @Test
    void savesTheProposedPurchaseOrdersAndSyncsWhatASimulatedWmsDid() {
        int exitCode = run(
                "--home", home.toString(), "demo", "--sales", LOOP_SALES, "--wms-bridge", "none", "--format", "json");

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"downstream\" : \"simulated in the demo\"");
        assertThat(number("ordersSaved")).isPositive().isEqualTo(number("po"));
        assertThat(number("rowsTakenByWms")).isEqualTo(number("rowsSaved"));
        assertThat(number("rowsPartlyReceived")).isPositive();
        assertThat(number("ordersChanged")).isEqualTo(number("ordersSaved"));
        assertThat(number("linesChanged")).isEqualTo(number("rowsPartlyReceived"));
        assertThat(home.resolve("demo").resolve("local.duckdb")).exists();
    }

    /** The whole loop of issue #5: needs the bridge's jar, which `./restock test` builds first. */
    @Test
    void runsTheWholeLoopThroughWebhooksAndTheWmsBridge() {
        Assumptions.assumeTrue(Files.isRegularFile(BRIDGE), "examples/wms-bridge is not built");

        int exitCode = run("--home", home.toString(), "demo", "--sales", LOOP_SALES, "--wms-bridge", BRIDGE.toString());

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("Step 3: propose draft orders")
                .contains("webhooks take them to the WMS bridge")
                .containsPattern("Saved [1-9]\\d* purchase orders \\([\\d,]+ rows\\) to local.duckdb: PO-")
                .containsPattern("Delivered [1-9]\\d* signed webhooks to the WMS bridge; its WMS took [1-9]\\d* orders")
                .containsPattern("The WMS \\(examples/wms-bridge\\) set EXTERNAL_ID on [1-9][\\d,]* rows and received"
                        + " [1-9][\\d,]* lines in part")
                .containsPattern("Sync brought back changes to [1-9]\\d* orders");
    }

    private static final String LOOP_SALES = "src/test/resources/online-retail/loop.csv";
    private static final Path BRIDGE = Path.of("examples/wms-bridge/target/wms-bridge.jar");

    private long number(String field) {
        java.util.regex.Matcher matcher =
                java.util.regex.Pattern.compile("\"" + field + "\" : (\\d+)").matcher(out.toString());
        assertThat(matcher.find()).as(field + " in " + out).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    @Test
    void exitsWithOneAndSaysWhyWhenTheSalesFileIsMissing() {
        int exitCode = run(
                "--home",
                home.toString(),
                "demo",
                "--sales",
                home.resolve("nowhere.csv").toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("--sales " + home.resolve("nowhere.csv") + ": no such file.");
    }

    private int run(String... args) {
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
