package dev.restock.cli;

import dev.restock.ingest.entities.EntityImporter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code restock import entities DIR}. */
@Command(
        name = "entities",
        mixinStandardHelpOptions = true,
        description = "Import a folder of entity CSV files (warehouses.csv, vendors.csv, variants.csv,"
                + " variant_warehouses.csv, variant_vendors.csv, components.csv, sales_orders.csv)."
                + " See docs/entity-files.md.")
final class ImportEntitiesCommand implements Callable<Integer> {

    @ParentCommand
    ImportCommand parent;

    @Parameters(paramLabel = "DIR", description = "Folder holding the entity CSV files.")
    Path folder;

    @Mixin
    FormatOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        return ImportCommand.run(
                parent.root,
                output,
                out,
                err,
                "entities",
                folder,
                context -> context.getBean(EntityImporter.class).importFolder(folder));
    }
}
