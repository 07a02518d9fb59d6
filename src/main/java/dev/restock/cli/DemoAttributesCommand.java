package dev.restock.cli;

import dev.restock.ingest.retail.RetailAttributesGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code restock demo generate-attributes}: derives {@code demo/online-retail.yaml} from the Online
 * Retail sales. Needs no database. Writes to a temporary file beside the output and moves it into
 * place, so a failure never leaves half a file.
 */
@Command(
        name = "generate-attributes",
        mixinStandardHelpOptions = true,
        description = "Derive the demo's assumed attributes (warehouses, vendors, costs, case packs,"
                + " stock, gift sets) from the Online Retail sales, deterministically.")
public final class DemoAttributesCommand implements Callable<Integer> {

    @Option(
            names = "--sales",
            paramLabel = "FILE",
            defaultValue = "../shared/data/online-retail.csv.gz",
            description = "The Online Retail sales, .csv or .csv.gz (default: ${DEFAULT-VALUE}).")
    Path sales;

    @Option(
            names = "--output",
            paramLabel = "FILE",
            defaultValue = "demo/online-retail.yaml",
            description = "Where to write the YAML (default: ${DEFAULT-VALUE}).")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path target = output.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                new RetailAttributesGenerator().generate(sales, out);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        spec.commandLine().getOut().printf("Wrote %s (%,d bytes) from %s%n", output, Files.size(target), sales);
        return 0;
    }
}
