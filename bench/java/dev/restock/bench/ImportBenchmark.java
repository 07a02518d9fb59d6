package dev.restock.bench;

import dev.restock.ingest.ImportSummary;
import dev.restock.ingest.retail.OnlineRetailImporter;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The full Online Retail import against a plain PostgreSQL COPY of the same file into a table of
 * the file's own columns, on the same database in the same run, the two taking turns. Target: the import takes no more
 * than 3 times as long as the COPY.
 *
 * <p>Run with {@code bench/run import [FILE]}; FILE defaults to ../shared/data/online-retail.csv.gz.
 * Five runs by default ({@code -Drestock.bench.runs=N}): the first of a fresh JVM includes the JIT
 * compiling the importer, so with three runs the median was the slower of two warm runs and moved
 * with every hiccup; with five it is a warm run, and the cold one is printed on its own line.
 */
public final class ImportBenchmark {

    private static final int RUNS = Math.max(1, Integer.getInteger("restock.bench.runs", 5));

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/online-retail.csv.gz");
        if (!Files.exists(file)) {
            System.err.println("No data file at " + file + "; pass its path as the first argument.");
            System.exit(1);
        }
        try (var restock = BenchSupport.startRestock()) {
            DataSource dataSource = restock.getBean(DataSource.class);
            JdbcClient jdbc = restock.getBean(JdbcClient.class);
            OnlineRetailImporter importer = restock.getBean(OnlineRetailImporter.class);

            // COPY and import take turns, so that both meet the same load from whatever else runs.
            System.out.println("Baseline (COPY of " + file + " into a table of its 8 columns) and import"
                    + " online-retail into an empty database, in turns");
            long[] copied = new long[1];
            ImportSummary[] summary = new ImportSummary[1];
            double[] copyRuns = new double[RUNS];
            double[] importRuns = new double[RUNS];
            BenchSupport.resetPeakHeap();
            for (int run = 0; run < RUNS; run++) {
                recreateRawTable(jdbc);
                copyRuns[run] = BenchSupport.seconds(() -> copied[0] = copyRaw(dataSource, file));
                emptyCatalog(jdbc);
                importRuns[run] = BenchSupport.seconds(() -> summary[0] = importer.importFile(file));
                System.out.printf("    run %d: COPY %.3f s, import %.3f s, ratio %.2f%n", run + 1, copyRuns[run],
                        importRuns[run], importRuns[run] / copyRuns[run]);
            }
            long peakHeap = BenchSupport.peakHeapMiB();
            double copySeconds = BenchSupport.median(copyRuns);
            double importSeconds = BenchSupport.median(importRuns);

            System.out.println("Restock: the same import again (nothing changes)");
            double reimportSeconds = BenchSupport.medianSeconds(RUNS, () -> {}, () -> importer.importFile(file));

            long lines = summary[0].linesRead();
            System.out.printf("%nlines in file          %,d (COPY took %,d rows)%n", lines, copied[0]);
            System.out.printf("COPY baseline          %.3f s   %,.0f lines/s%n", copySeconds, lines / copySeconds);
            System.out.printf("import (first)         %.3f s   %,.0f lines/s   peak heap %d MiB%n", importSeconds,
                    lines / importSeconds, peakHeap);
            System.out.printf(
                    "import (again)         %.3f s   %,.0f lines/s%n", reimportSeconds, lines / reimportSeconds);
            double[] ratios = new double[RUNS];
            for (int run = 0; run < RUNS; run++) {
                ratios[run] = importRuns[run] / copyRuns[run];
            }
            // A run's import follows its own COPY, so the two met the same load: the median of the
            // runs' ratios is the figure the target is read against.
            System.out.printf("ratio import/COPY      %.2f  (target <= 3.00; median of the %d runs' ratios)%n",
                    BenchSupport.median(ratios), RUNS);
            System.out.printf("ratio of the medians   %.2f%n", importSeconds / copySeconds);
            System.out.printf("ratio re-import/COPY   %.2f%n", reimportSeconds / copySeconds);
            System.out.printf("ratio of the first run %.2f  (a fresh JVM: includes the JIT compiling the importer)%n",
                    ratios[0]);
            Arrays.sort(ratios);
            System.out.printf("ratios of the runs     %.2f to %.2f   load %s%n", ratios[0], ratios[RUNS - 1],
                    BenchSupport.loadAverage());
        }
    }

    private static void recreateRawTable(JdbcClient jdbc) {
        jdbc.sql("drop table if exists bench_raw_copy").update();
        jdbc.sql("""
                create table bench_raw_copy (invoice_no text, stock_code text, description text, quantity integer,
                    invoice_date timestamp, unit_price numeric, customer_id text, country text)
                """)
                .update();
    }

    private static long copyRaw(DataSource dataSource, Path file) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Reader reader = new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8)) {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy bench_raw_copy from stdin (format csv, header true)", reader);
        }
    }

    private static void emptyCatalog(JdbcClient jdbc) {
        for (String table : List.of("daily_demand", "trading_days", "sales_lines", "components", "variant_vendors",
                "variant_warehouses", "variants", "products", "vendors", "warehouses", "import_runs")) {
            jdbc.sql("truncate " + table + " cascade").update();
        }
    }
}
