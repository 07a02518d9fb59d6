package dev.restock.cli;

import dev.restock.store.StoreProperties;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code restock [--home DIR] <command>}. */
@Command(
        name = "restock",
        mixinStandardHelpOptions = true,
        version = "Restock 0.1.0",
        description = "Inventory planning from the sales history in your data warehouse.",
        subcommands = {
            DemoCommand.class,
            ImportCommand.class,
            CatalogCommand.class,
            ForecastCommand.class,
            PlanCommand.class,
            OrdersCommand.class,
            ConnectionsCommand.class,
            SyncCommand.class,
            WebhooksCommand.class,
            ServeCommand.class
        },
        usageHelpAutoWidth = true)
public final class RestockCommand {

    @Option(
            names = "--home",
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            description = "Restock home folder (embedded database, local connection). "
                    + "Default: $RESTOCK_HOME, else ~/.restock.")
    Path home;

    /** The home in force: {@code --home}, else {@code RESTOCK_HOME}, else {@code ~/.restock}. */
    Path home() {
        if (home != null) {
            return home.toAbsolutePath().normalize();
        }
        String fromEnvironment = System.getenv("RESTOCK_HOME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment).toAbsolutePath().normalize();
        }
        return StoreProperties.defaultHome();
    }
}
