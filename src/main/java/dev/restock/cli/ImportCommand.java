package dev.restock.cli;

import dev.restock.ingest.ImportException;
import dev.restock.ingest.ImportSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code restock import ...}: every importer is all or nothing, and idempotent. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Import sales history and catalog data (all or nothing; re-running changes nothing).",
        subcommands = {ImportOnlineRetailCommand.class, ImportEntitiesCommand.class})
final class ImportCommand {

    @ParentCommand
    RestockCommand root;

    /**
     * The base of every import: the source, the format, and one way of running and reporting.
     * Each subcommand says what it imports and how.
     */
    abstract static class Subcommand implements Callable<Integer> {

        @ParentCommand
        ImportCommand parent;

        @Mixin
        FormatOption output;

        @Spec
        CommandSpec spec;

        /** The kind of import, as the JSON summary names it: {@code online-retail}, {@code entities}. */
        abstract String kind();

        /** The file or folder imported. */
        abstract Path source();

        abstract ImportSummary importFrom(ConfigurableApplicationContext context);

        /**
         * Runs the import and prints its summary. A bad file prints the error (and, in JSON, a
         * summary whose {@code errors} name it) and exits 1.
         */
        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                checkSource();
            } catch (ImportException e) {
                return refuse(e, out, err);
            }
            CommandStop.process()
                    .during(
                            "before the import of " + source() + " finished",
                            "It was rolled back: nothing was imported.");
            try (var context = RestockRuntime.startForCommand(parent.root.home())) {
                print(importFrom(context), output, out);
                return 0;
            } catch (ImportException e) {
                return refuse(e, out, err);
            }
        }

        /**
         * Refuses a source that cannot be imported before the database starts (which takes
         * seconds): the file must exist, be readable and hold something.
         */
        void checkSource() {
            Path file = source();
            String name = file.toString();
            if (!Files.exists(file)) {
                throw new ImportException(name, "no such file");
            }
            if (Files.isDirectory(file)) {
                throw new ImportException(name, "is a folder; give the file to import");
            }
            if (!Files.isReadable(file)) {
                throw new ImportException(name, "cannot be read: permission denied");
            }
            try {
                if (Files.isRegularFile(file) && Files.size(file) == 0) {
                    throw new ImportException(name, "the file is empty (0 bytes)");
                }
            } catch (IOException e) {
                throw new ImportException(name, "cannot be read: " + e.getMessage());
            }
        }

        private int refuse(ImportException e, PrintWriter out, PrintWriter err) {
            if (output.json()) {
                out.println(FormatOption.toJson(ImportSummary.failed(kind(), source().toString(), e)));
                out.flush();
            }
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    static void print(ImportSummary summary, FormatOption output, PrintWriter out) {
        if (output.json()) {
            out.println(FormatOption.toJson(summary));
            out.flush();
            return;
        }
        out.printf("Imported %s (%s)%n", summary.source(), summary.kind());
        out.printf("  %-24s %,d%n", "lines read", summary.linesRead());
        out.printf("  %-24s %,d%n", "lines imported", summary.linesImported());
        out.printf("  %-24s %,d%n", "lines skipped", summary.linesSkipped());
        out.printf("  %-24s %,d%n", "variants", summary.variants());
        summary.skipped().entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> out.printf("    skipped %-40s %,d%n", entry.getKey(), entry.getValue()));
        summary.details().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(entry -> out.printf("  %-24s %,d%n", entry.getKey(), entry.getValue()));
        out.println(
                summary.changed()
                        ? "  The database was updated."
                        : "  Nothing changed: everything in it was already imported.");
        out.flush();
    }
}
