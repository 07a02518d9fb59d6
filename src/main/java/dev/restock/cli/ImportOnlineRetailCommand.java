package dev.restock.cli;

import dev.restock.ingest.ImportSummary;
import dev.restock.ingest.retail.OnlineRetailImporter;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code restock import online-retail FILE}. */
@Command(
        name = "online-retail",
        mixinStandardHelpOptions = true,
        description = "Import the UCI Online Retail data set (.csv, .csv.gz, .xlsx, or the UCI .zip), with the demo"
                + " attributes (warehouses, vendors, stock) from demo/online-retail.yaml.")
final class ImportOnlineRetailCommand extends ImportCommand.Subcommand {

    @Parameters(paramLabel = "FILE", description = "The Online Retail file (.csv, .csv.gz, .xlsx or .zip).")
    Path file;

    @Override
    String kind() {
        return "online-retail";
    }

    @Override
    Path source() {
        return file;
    }

    @Override
    ImportSummary importFrom(ConfigurableApplicationContext context) {
        return context.getBean(OnlineRetailImporter.class).importFile(file);
    }
}
