package dev.restock.ingest.entities;

import static dev.restock.ingest.entities.EntityFolders.UPDATED;
import static dev.restock.ingest.entities.EntityFolders.copyOfValid;
import static dev.restock.ingest.entities.EntityFolders.write;
import static dev.restock.ingest.entities.EntityFolders.writeBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restock.DatabaseTest;
import dev.restock.TestDatabase;
import dev.restock.ingest.ImportException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Files that cannot be read as entity files. Each case leaves the database as it was. */
class EntityImportRejectsBadFilesTest extends DatabaseTest {

    @Autowired
    EntityImporter importer;

    @TempDir
    Path folder;

    @BeforeEach
    void startFromTheValidFolder() {
        copyOfValid(folder);
    }

    @Test
    void rejectsUnknownCsvFileNamingIt() {
        write(folder, "stock.csv", "SKU,AVAILABLE");

        ImportException error = rejects(folder);

        assertThat(error.getMessage()).contains("unknown file stock.csv", "expected only warehouses.csv");
    }

    @Test
    void rejectsFolderWithoutEntityFiles(@TempDir Path empty) {
        write(empty, "README.txt", "not an entity file");

        ImportException error = rejects(empty);

        assertThat(error.getMessage()).contains("has no entity files");
    }

    @Test
    void rejectsEmptyFileOfZeroBytes() {
        writeBytes(folder, "vendors.csv", new byte[0]);

        ImportException error = rejects(folder);

        assertThat(error.file()).isEqualTo("vendors.csv");
        assertThat(error.getMessage()).contains("the file is empty (0 bytes)");
    }

    @Test
    void rejectsPngRenamedToCsv() {
        writeBytes(folder, "variants.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0});

        ImportException error = rejects(folder);

        assertThat(error.file()).isEqualTo("variants.csv");
        assertThat(error.getMessage()).contains("is a PNG image, not CSV text");
    }

    @Test
    void rejectsGzipRenamedToCsv() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write("CODE,NAME,UPDATED_AT,REMOVED\n".getBytes(StandardCharsets.UTF_8));
        }
        writeBytes(folder, "warehouses.csv", bytes.toByteArray());

        ImportException error = rejects(folder);

        assertThat(error.getMessage()).contains("warehouses.csv, line 1, column 1", "is a gzip archive");
    }

    @Test
    void rejectsBinaryFileNamingTheLineAndColumnOfItsFirstNulByte() {
        writeBytes(folder, "vendors.csv", "CODE,NAME,UPDATED_AT,REMOVED\nAB\0CD".getBytes(StandardCharsets.UTF_8));

        ImportException error = rejects(folder);

        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo(3);
        assertThat(error.getMessage()).contains("NUL byte", "binary file");
    }

    @Test
    void rejectsLatin1FileNamingLineAndColumnAndAskingForUtf8() {
        byte[] latin1 = ("CODE,NAME,UPDATED_AT,REMOVED\nPAR,Entrepôt Paris," + UPDATED + ",false\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        writeBytes(folder, "warehouses.csv", latin1);

        ImportException error = rejects(folder);

        assertThat(error.getMessage())
                .startsWith("warehouses.csv, line 2, column 11: byte 0xF4 is not valid UTF-8")
                .contains("the file must be UTF-8 encoded");
    }

    @Test
    void rejectsMissingRequiredColumnByName() {
        write(folder, "variants.csv", "SKU,PRICE,UPDATED_AT,REMOVED", "MUG-RED,12.50," + UPDATED + ",false");

        ImportException error = rejects(folder);

        assertThat(error.file()).isEqualTo("variants.csv");
        assertThat(error.line()).isEqualTo(1);
        assertThat(error.field()).isEqualTo("TITLE");
        assertThat(error.getMessage()).contains("the required column TITLE is missing");
    }

    @Test
    void rejectsUnknownExtraColumnNamingItsPosition() {
        write(folder, "warehouses.csv", "CODE,NAME,COLOUR,UPDATED_AT,REMOVED", "LDN,London,red," + UPDATED + ",false");

        ImportException error = rejects(folder);

        assertThat(error.getMessage())
                .startsWith("warehouses.csv, line 1, column 3 (COLOUR): unknown column COLOUR;")
                .contains("has only the columns CODE, NAME, TIME_ZONE, UPDATED_AT, REMOVED");
    }

    @Test
    void explainsSemicolonSeparatedHeader() {
        write(folder, "warehouses.csv", "CODE;NAME;UPDATED_AT;REMOVED", "LDN;London;" + UPDATED + ";false");

        ImportException error = rejects(folder);

        assertThat(error.getMessage()).contains("separated by commas, not semicolons");
    }

    @Test
    void rejectsRowWithMoreValuesThanTheHeader() {
        write(folder, "warehouses.csv", "CODE,NAME,UPDATED_AT,REMOVED", "LDN,London,UK," + UPDATED + ",false");

        ImportException error = rejects(folder);

        assertThat(error.line()).isEqualTo(2);
        assertThat(error.getMessage()).contains("the row has 5 values but the header has 4 columns");
    }

    @Test
    void rejectsUnclosedQuote() {
        write(
                folder,
                "warehouses.csv",
                "CODE,NAME,UPDATED_AT,REMOVED",
                "LDN,\"London," + UPDATED + ",false",
                "NYC,New York," + UPDATED + ",false");

        ImportException error = rejects(folder);

        assertThat(error.getMessage())
                .startsWith("warehouses.csv, line 2: the file is not valid CSV here: a quoted value is never closed:"
                        + " the file ends"
                        + " inside it;")
                .contains("double quotes")
                .doesNotContain("EOF", "token");
    }

    @Test
    void namesAQuoteInsideAQuotedValueInTheFilesTermsNotTheParsers() {
        write(
                folder,
                "warehouses.csv",
                "CODE,NAME,UPDATED_AT,REMOVED",
                "LDN,London," + UPDATED + ",false",
                "NYC,\"New \"York\" City\"," + UPDATED + ",false");

        ImportException error = rejects(folder);

        assertThat(error.getMessage())
                .startsWith("warehouses.csv, line 3: the file is not valid CSV here: a quoted value is followed by more"
                        + " characters"
                        + " before the next comma (a quote inside a quoted value must be written twice: \"\")")
                .doesNotContain("position", "token");
    }

    @Test
    void countsLinesInsideQuotedValuesWhenNamingTheLine() {
        write(
                folder,
                "warehouses.csv",
                "CODE,NAME,UPDATED_AT,REMOVED",
                "LDN,\"London\nPark Royal\"," + UPDATED + ",false",
                "NYC,New York," + UPDATED + ",maybe");

        ImportException error = rejects(folder);

        assertThat(error.getMessage())
                .startsWith("warehouses.csv, line 4, column 4 (REMOVED): 'maybe' is not true or false");
    }

    /** Starts from an empty database, so that files applied before the bad one would show. */
    private ImportException rejects(Path bad) {
        var before = TestDatabase.contents(jdbc);

        ImportException error = catchThrowableOfType(ImportException.class, () -> importer.importFolder(bad));

        assertThat(error).as("the import fails").isNotNull();
        assertThat(error.getMessage()).endsWith("Nothing was imported.");
        assertThat(TestDatabase.contents(jdbc)).as("the database is unchanged").isEqualTo(before);
        return error;
    }
}
