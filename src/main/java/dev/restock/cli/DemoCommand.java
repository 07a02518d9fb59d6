package dev.restock.cli;

import dev.restock.RestockException;
import dev.restock.connections.ConnectionDdl;
import dev.restock.connections.Connections;
import dev.restock.ingest.ImportSummary;
import dev.restock.ingest.retail.OnlineRetailDownload;
import dev.restock.ingest.retail.OnlineRetailImporter;
import dev.restock.orders.Actor;
import dev.restock.orders.OrderProposer;
import dev.restock.replenishment.ReplenishmentReport;
import dev.restock.replenishment.ReplenishmentRow;
import dev.restock.replenishment.ReportQuery;
import dev.restock.sales.CatalogSummary;
import dev.restock.sales.CatalogSummaryQuery;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code restock demo}: the whole loop on the real Online Retail data, in a fresh demo home so
 * that every run starts from the same state and never touches the user's own data.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        subcommands = DemoAttributesCommand.class,
        description = "Run the whole loop on the real Online Retail data set in a fresh demo home"
                + " (<home>/demo, recreated on every run).")
final class DemoCommand implements Callable<Integer> {

    static final Path SHARED_DATA = Path.of("..", "shared", "data", "online-retail.csv.gz");

    @ParentCommand
    RestockCommand root;

    @Option(
            names = "--sales",
            paramLabel = "FILE",
            description = "The Online Retail data (.csv, .csv.gz, .xlsx or the UCI .zip). Default:"
                    + " ../shared/data/online-retail.csv.gz, else a copy downloaded earlier into the home,"
                    + " else a download from the UCI repository.")
    Path sales;

    @Option(names = "--demo-home", paramLabel = "DIR", description = "Where the demo runs. Default: <home>/demo.")
    Path demoHome;

    @Option(
            names = "--wms-bridge",
            paramLabel = "JAR|none",
            description = "The downstream side: the WMS bridge jar to start (default: examples/wms-bridge/target/"
                    + "wms-bridge.jar when it is built), or none for a WMS simulated inside the demo.")
    String wmsBridge;

    @Mixin
    FormatOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path home = demoHome != null
                ? demoHome.toAbsolutePath().normalize()
                : root.home().resolve("demo");
        Path file = salesFile();
        recreate(home);
        say(out, "Demo home: " + home + " (recreated)");
        say(out, "Sales data: " + file);
        Map<String, Object> result = new LinkedHashMap<>();
        CommandStop.process().during("as the demo started", "Nothing was imported into the demo home.");
        // The demo's webhook goes to the WMS bridge it starts on this machine.
        try (var context =
                RestockRuntime.startForCommand(home, Map.of("restock.webhooks.allow-private-addresses", "true"))) {
            step(1, "the import", "The import was rolled back: the demo home holds no sales.");
            say(out, "Step 1: import the sales history");
            ImportSummary imported = context.getBean(OnlineRetailImporter.class).importFile(file);
            result.put("import", imported);
            var catalog = context.getBean(CatalogSummaryQuery.class).summary();
            result.put("catalog", catalog);
            if (!output.json()) {
                ImportCommand.print(imported, output, out);
                out.println();
                out.println(catalogLine(imported, catalog));
            }
            say(out, "");
            step(2, "forecast and plan", importKept(home));
            say(out, "Step 2: forecast demand and plan replenishment");
            List<ReplenishmentRow> toOrder = context.getBean(ReplenishmentReport.class).rows().stream()
                    .filter(row -> row.toOrder().signum() > 0)
                    .sorted(Comparator.comparing(
                            ReplenishmentRow::replenishmentDate, Comparator.nullsLast(Comparator.naturalOrder())))
                    .toList();
            result.put("replenishment", toOrder.stream().limit(TOP).toList());
            result.put("linesToOrder", toOrder.size());
            if (!output.json()) {
                printTop(toOrder, out);
            }
            step(3, "propose draft orders", importKept(home));
            proposeOrders(context, result, out);

            say(out, "");
            Optional<Path> bridge = bridgeJar();
            bridge.ifPresent(jar -> context.getBean(ConnectionDdl.class).apply(Connections.LOCAL));
            say(
                    out,
                    bridge.isPresent()
                            ? "Step 4: save the purchase orders to the local connection; webhooks take them to the"
                                    + " WMS bridge (examples/wms-bridge), which forwards them to its WMS and records"
                                    + " receipts; sync"
                            : "Step 4: save the purchase orders to the local connection; a WMS simulated in the demo"
                                    + " takes and partly receives them; sync (build examples/wms-bridge to see"
                                    + " the loop through webhooks)");
            step(
                    4,
                    "save and sync",
                    importKept(home) + " Orders left saving are settled by `restock --home " + home
                            + " orders recover`.");
            List<UUID> drafts = draftPurchaseOrders(context);
            DemoSaveAndSyncStep.Outcome saved = new DemoSaveAndSyncStep(context, home).run(drafts, bridge);
            result.put("saveAndSync", saved);
            if (!output.json()) {
                printSaveAndSync(saved, out);
            }
        }
        result.put("home", home.toString());
        if (output.json()) {
            out.println(FormatOption.toJson(result));
        } else {
            out.println();
            out.println("Explore it: ./restock --home " + home + " catalog summary");
            out.println("            ./restock --home " + home + " serve");
        }
        out.flush();
        return 0;
    }

    private static final int TOP = 10;

    /** What an interruption of the demo reports: the step, and what stays of the steps before. */
    private static void step(int number, String name, String outcome) {
        CommandStop.process().during("during step " + number + " of the demo (" + name + ")", outcome);
    }

    private static String importKept(Path home) {
        return "The import of step 1 was committed and stays in " + home + "; what the step had open was rolled"
                + " back. The next demo recreates the home.";
    }

    /**
     * The catalog after the import. It holds more variants than the import counted, as the demo
     * attributes add assemblies that were never sold; the line says where each count comes from.
     */
    static String catalogLine(ImportSummary imported, CatalogSummary catalog) {
        long assemblies = imported.details().getOrDefault("assemblies", 0L);
        String origin = assemblies == 0
                ? ""
                : String.format(" (%,d from the sales, %,d demo assemblies)", imported.variants(), assemblies);
        return String.format(
                "Catalog: %,d variants%s, %,d warehouses, %,d vendors, %,d sales lines, %s to %s",
                catalog.variants(),
                origin,
                catalog.warehouses(),
                catalog.vendors(),
                catalog.salesLines(),
                catalog.firstSale(),
                catalog.lastSale());
    }

    private static void printTop(List<ReplenishmentRow> toOrder, PrintWriter out) {
        out.printf(
                "%,d variant and warehouse pairs need ordering; the first %d by replenishment date:%n",
                toOrder.size(), Math.min(TOP, toOrder.size()));
        out.printf(
                "  %-10s %-9s %14s %10s %-12s %s%n",
                "sku", "warehouse", "replenishment", "to order", "order by", "forecast");
        toOrder.stream()
                .limit(TOP)
                .forEach(row -> out.printf(
                        "  %-10s %-9s %14s %10s %-12s %s%n",
                        row.sku(),
                        row.warehouse(),
                        row.replenishment().stripTrailingZeros().toPlainString(),
                        row.toOrder().stripTrailingZeros().toPlainString(),
                        row.replenishmentDate(),
                        row.forecastMethod()));
        out.println("  (the whole report: ./restock plan; one line step by step: ./restock plan explain SKU"
                + " --warehouse CODE)");
    }

    /** Step 3: draft orders from the whole report, counted per type. */
    private void proposeOrders(ApplicationContext context, Map<String, Object> result, PrintWriter out) {
        say(out, "");
        say(out, "Step 3: propose draft orders");
        OrderProposer.Outcome outcome = context.getBean(OrderProposer.class).propose(ReportQuery.all(), Actor.system());
        Map<String, Long> perType = new TreeMap<>();
        outcome.created().forEach(order -> perType.merge(order.type(), 1L, Long::sum));
        result.put("proposedOrders", perType);
        if (!output.json()) {
            out.printf(
                    "Proposed %d draft orders: %d purchase, %d transfer, %d assembly%s%n",
                    outcome.created().size(),
                    perType.getOrDefault("po", 0L),
                    perType.getOrDefault("transfer", 0L),
                    perType.getOrDefault("assembly", 0L),
                    outcome.withoutVendor().isEmpty()
                            ? ""
                            : "; " + outcome.withoutVendor().size() + " lines have no vendor");
            out.println("  (see them: ./restock orders show PO-...; propose again: ./restock orders propose)");
        }
    }

    private static void printSaveAndSync(DemoSaveAndSyncStep.Outcome saved, PrintWriter out) {
        if (saved.ordersSaved() == 0) {
            out.println("No draft purchase orders to save: the report has nothing to buy from a vendor.");
            return;
        }
        out.printf(
                "Saved %d purchase orders (%,d rows) to local.duckdb: %s%n",
                saved.ordersSaved(), saved.rowsSaved(), String.join(", ", saved.saved()));
        if (saved.webhooksDelivered() > 0) {
            out.printf(
                    "Delivered %d signed webhooks to the WMS bridge; its WMS took %d orders%n",
                    saved.webhooksDelivered(), saved.ordersTakenByWms());
        }
        out.printf(
                "The WMS (%s) set EXTERNAL_ID on %,d rows and received %,d lines in part%n",
                saved.downstream(), saved.rowsTakenByWms(), saved.rowsPartlyReceived());
        out.printf(
                "Sync brought back changes to %d orders and %,d lines (status, external id, received)%n",
                saved.ordersChanged(), saved.linesChanged());
        out.println("  (each order's history: ./restock --home <demo home> orders show PO-...)");
    }

    /** The draft purchase orders of the demo home, oldest first. */
    private static List<UUID> draftPurchaseOrders(ApplicationContext context) {
        return context.getBean(JdbcClient.class).sql("""
                        select o.id from stock_orders o join order_statuses s on s.name = o.status
                        where o.type = 'po' and s.type = 'draft' and o.save_state in ('editable', 'save_failed')
                        order by o.created_at, o.reference
                        """).query(UUID.class).list();
    }

    private void say(PrintWriter out, String line) {
        if (!output.json()) {
            out.println(line);
            out.flush();
        }
    }

    /** --sales, else the shared data folder, else an earlier download, else a new download. */
    private Path salesFile() {
        if (sales != null) {
            if (!Files.isRegularFile(sales)) {
                throw new RestockException("--sales " + sales + ": no such file.");
            }
            return sales;
        }
        List<Path> places = Stream.of(
                        SHARED_DATA,
                        repositoryRoot().map(r -> r.resolve(SHARED_DATA)).orElse(null))
                .filter(Objects::nonNull)
                .map(path -> path.toAbsolutePath().normalize())
                .distinct()
                .toList();
        Optional<Path> shared = places.stream().filter(Files::isRegularFile).findFirst();
        if (shared.isPresent()) {
            return shared.get();
        }
        Path downloads = root.home().resolve("downloads");
        Path earlier = downloads.resolve(OnlineRetailDownload.FILE_NAME);
        if (Files.isRegularFile(earlier)) {
            return earlier;
        }
        spec.commandLine()
                .getErr()
                .println("The data set is not at "
                        + places.stream().map(Path::toString).collect(Collectors.joining(" nor at "))
                        + " (give it with --sales FILE); downloading the public original from "
                        + OnlineRetailDownload.ORIGINAL + " into " + downloads);
        return OnlineRetailDownload.download(downloads);
    }

    /** The launcher names the checkout it runs from, so the demo works from any directory. */
    private Optional<Path> bridgeJar() {
        if (wmsBridge == null) {
            return DemoBridge.jar(repositoryRoot());
        }
        if (wmsBridge.equals("none")) {
            return Optional.empty();
        }
        Path jar = Path.of(wmsBridge).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new RestockException("--wms-bridge " + wmsBridge + ": no such file. Build it with"
                    + " ./mvnw -f examples/wms-bridge/pom.xml package -DskipTests, or pass --wms-bridge none.");
        }
        return Optional.of(jar);
    }

    private static Optional<Path> repositoryRoot() {
        return Optional.ofNullable(System.getenv("RESTOCK_ROOT")).map(Path::of);
    }

    /** Deletes the demo home, unless a running Restock process (such as serve) is using it. */
    private static void recreate(Path home) {
        Path lock = home.resolve("postgres").resolve("owner.lock");
        if (Files.exists(lock)) {
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE);
                    var held = channel.tryLock()) {
                if (held == null) {
                    throw new RestockException("A Restock process (serve?) is using the demo home " + home
                            + ". Stop it, or pass --demo-home DIR to run the demo elsewhere.");
                }
            } catch (IOException e) {
                throw new RestockException("Could not check the demo home " + home + ": " + e.getMessage(), e);
            }
        }
        try {
            if (Files.exists(home)) {
                try (Stream<Path> paths = Files.walk(home)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new RestockException("Could not recreate the demo home " + home + ": " + e.getMessage(), e);
        }
    }
}
