package dev.restock.cli;

import dev.restock.ingest.retail.OnlineRetailImporter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code restock import online-retail FILE}. */
@Command(
        name = "online-retail",
        mixinStandardHelpOptions = true,
        description = "Import the UCI Online Retail data set (.csv, .csv.gz, .xlsx, or the UCI .zip), with the demo"
                + " attributes (warehouses, vendors, stock) from demo/online-retail.yaml.")
final class ImportOnlineRetailCommand implements Callable<Integer> {

    @ParentCommand
    ImportCommand parent;

    @Parameters(paramLabel = "FILE", description = "The Online Retail file (.csv, .csv.gz, .xlsx or .zip).")
    Path file;

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
                "online-retail",
                file,
                context -> context.getBean(OnlineRetailImporter.class).importFile(file));
    }
}
