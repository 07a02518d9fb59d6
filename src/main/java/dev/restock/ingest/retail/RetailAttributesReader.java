package dev.restock.ingest.retail;

import dev.restock.RestockException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Parses a demo attributes file and turns Jackson's errors into messages that name the key (as a
 * path such as {@code terms[12].cost}) and say what was expected. The checks that need the whole
 * file, such as a vendor code that no vendor has, are in {@link RetailAttributesCheck}.
 */
final class RetailAttributesReader {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // A lead time of 1.5 days is a typo, not one day.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private RetailAttributesReader() {}

    static RetailAttributes readResource(String resource) {
        try (InputStream in = RetailAttributes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new RestockException("The demo attributes " + resource
                        + " are missing from the classpath. Rebuild Restock, or pass a file.");
            }
            return read(in, "classpath " + resource);
        } catch (IOException e) {
            throw new RestockException("Could not read the demo attributes " + resource + ": " + e, e);
        }
    }

    static RetailAttributes readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new RestockException("The demo attributes file " + file + " does not exist."
                    + " Regenerate it with `restock demo generate-attributes`.");
        } catch (IOException e) {
            throw new RestockException("Could not read the demo attributes file " + file + ": " + e, e);
        }
    }

    static RetailAttributes read(InputStream in, String source) {
        RetailAttributes attributes;
        try {
            attributes = YAML.readValue(in, RetailAttributes.class);
        } catch (JacksonException e) {
            throw bad(source, describe(e) + atLine(e));
        }
        if (attributes == null) {
            throw bad(
                    source,
                    "the file is empty; expected a mapping with the keys timeZone,"
                            + " currency, warehouses, vendors, terms, stock and assemblies");
        }
        String problem = RetailAttributesCheck.firstProblem(attributes);
        if (problem != null) {
            throw bad(source, problem);
        }
        return attributes;
    }

    private static String atLine(JacksonException e) {
        boolean known = e.getLocation() != null && e.getLocation().getLineNr() > 0;
        return known && !(e instanceof StreamReadException)
                ? " (line " + e.getLocation().getLineNr() + ")"
                : "";
    }

    private static RestockException bad(String source, String problem) {
        return new RestockException("Bad demo attributes in " + source + ": " + problem
                + ". Nothing was applied. Fix the file, or regenerate it with"
                + " `restock demo generate-attributes`.");
    }

    private static String describe(JacksonException e) {
        String key = keyPath(e.getPath());
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown key '" + key + "'; expected one of " + sorted(unknown.getKnownPropertyIds());
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            return "key '" + key + "': expected " + expected(invalid.getTargetType()) + ", found '" + invalid.getValue()
                    + "'";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            // Jackson's own words name its tokens and Java types, which mean nothing in a YAML file.
            return "key '" + key + "': expected " + expected(mismatch.getTargetType());
        }
        if (e instanceof StreamReadException && e.getLocation() != null) {
            return "not valid YAML at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + firstLine(e.getOriginalMessage());
        }
        String where = key.isEmpty() ? "" : "key '" + key + "': ";
        return where + firstLine(e.getOriginalMessage());
    }

    /** The YAML parser repeats the line and a caret below its message; the line number is enough. */
    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** {@code terms[12].cost} from Jackson's chain of references. */
    static String keyPath(List<JacksonException.Reference> path) {
        StringBuilder key = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                key.append(key.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                key.append('[').append(reference.getIndex()).append(']');
            }
        }
        return key.toString();
    }

    private static String expected(Class<?> type) {
        if (type == BigDecimal.class) {
            return "a decimal number";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping";
        }
        return "a " + type.getSimpleName();
    }

    private static List<String> sorted(Collection<Object> ids) {
        return ids.stream().map(String::valueOf).sorted().toList();
    }
}
