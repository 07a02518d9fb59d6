package dev.restock.cli;

import java.math.BigDecimal;
import picocli.CommandLine.Option;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** The {@code --format} option shared by every command that prints data. */
final class FormatOption {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(new SimpleModule("restock-decimals").addSerializer(BigDecimal.class, new PlainDecimal()))
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

    /** Every command's JSON: indented, decimals as {@link PlainDecimal} writes them. */
    static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }

    /**
     * A decimal as the number it is, whatever scale the database gave it: {@code 113}, not
     * {@code 113.000000}; {@code 17340.103158}, not {@code 17340.103158000000}; never an exponent
     * ({@code 100}, not {@code 1E+2}).
     */
    static final class PlainDecimal extends ValueSerializer<BigDecimal> {

        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
            generator.writeNumber(plain(value));
        }

        static String plain(BigDecimal value) {
            return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
        }
    }
}
