package dev.restock.cli;

import dev.restock.ingest.ImportException;
import dev.restock.ingest.ImportSummary;
import dev.restock.ingest.entities.EntityImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code restock import entities DIR}. */
@Command(
        name = "entities",
        mixinStandardHelpOptions = true,
        description = "Import a folder of entity CSV files (warehouses.csv, vendors.csv, variants.csv,"
                + " variant_warehouses.csv, variant_vendors.csv, components.csv, sales_orders.csv)."
                + " See docs/entity-files.md.")
final class ImportEntitiesCommand extends ImportCommand.Subcommand {

    @Parameters(paramLabel = "DIR", description = "Folder holding the entity CSV files.")
    Path folder;

    @Override
    String kind() {
        return "entities";
    }

    @Override
    Path source() {
        return folder;
    }

    /** The folder must exist and be readable; which files it needs, the importer says. */
    @Override
    void checkSource() {
        if (!Files.isDirectory(folder)) {
            throw new ImportException(folder.toString(), Files.exists(folder) ? "is not a folder" : "no such folder");
        }
        if (!Files.isReadable(folder)) {
            throw new ImportException(folder.toString(), "cannot be read: permission denied");
        }
    }

    @Override
    ImportSummary importFrom(ConfigurableApplicationContext context) {
        return context.getBean(EntityImporter.class).importFolder(folder);
    }
}
