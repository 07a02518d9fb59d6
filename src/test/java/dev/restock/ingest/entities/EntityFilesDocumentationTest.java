package dev.restock.ingest.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docs/entity-files.md is the contract merchants follow, so it must list exactly what the importer reads. */
class EntityFilesDocumentationTest {

    private static final Path DOCUMENT = Path.of("docs", "entity-files.md");
    private static final Pattern COLUMN_ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| [^|]+ \\| (required|optional) \\|");

    @ParameterizedTest
    @EnumSource(EntityFile.class)
    void documentsEveryColumnOfEveryFileWithWhetherItIsRequired(EntityFile entity) throws IOException {
        List<String> documented = section(entity)
                .lines()
                .map(COLUMN_ROW::matcher)
                .filter(Matcher::find)
                .map(row -> row.group(1) + " " + row.group(2))
                .toList();

        List<String> columns = entity.columns().stream()
                .map(column -> column.name() + " " + (column.required() ? "required" : "optional"))
                .toList();
        assertThat(documented).containsExactlyElementsOf(columns);
    }

    @ParameterizedTest
    @EnumSource(EntityFile.class)
    void examplesUseTheDocumentedHeader(EntityFile entity) throws IOException {
        String section = section(entity);
        String header = section.substring(section.indexOf("```csv\n") + 7)
                .lines()
                .findFirst()
                .orElseThrow();

        EntityHeader.of(entity, List.of(header.split(",")));
    }

    private static String section(EntityFile entity) throws IOException {
        String document = Files.readString(DOCUMENT);
        int start = document.indexOf("## `" + entity.fileName() + "`");
        assertThat(start).as("section for %s", entity.fileName()).isNotNegative();
        int end = document.indexOf("\n## ", start + 1);
        return document.substring(start, end < 0 ? document.length() : end);
    }
}
