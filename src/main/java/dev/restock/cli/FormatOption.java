package dev.restock.cli;

import dev.restock.PlainDecimalModule;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The {@code --format} option shared by every command that prints data. */
final class FormatOption {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(new PlainDecimalModule())
            .build();

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.TABLE;

    boolean json() {
        return format == OutputFormat.JSON;
    }

    /** Every command's JSON: indented, decimals as {@link PlainDecimalModule} writes them. */
    static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }
}
