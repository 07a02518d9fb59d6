package dev.restock.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictUtf8ReaderTest {

    @Test
    void decodesMultiByteCharactersSplitAcrossReadBuffers() throws IOException {
        String text = "a".repeat(64 * 1024 - 1) + "é€😀" + "z".repeat(70_000);

        assertThat(readAll(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
    }

    @Test
    void dropsLeadingByteOrderMark() throws IOException {
        assertThat(readAll("\uFEFFCODE\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("CODE\n");
    }

    @Test
    void reportsInvalidByteByLineAndCharacterColumn() {
        ImportException error = failure(bytes("ab\nçé€", 0xFF, "x"));

        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo(4);
        assertThat(error.problem()).startsWith("byte 0xFF is not valid UTF-8");
    }

    @Test
    void countsCarriageReturnLineFeedAsOneLineBreak() {
        ImportException error = failure(bytes("a\r\nb\r\n\r\n", 0xE9));

        assertThat(error.line()).isEqualTo(4);
        assertThat(error.column()).isEqualTo(1);
    }

    @Test
    void countsLinesAcrossManyReadBuffers() {
        ImportException error = failure(bytes("0123456789\n".repeat(10_000) + "abc", 0xC0, 0x80));

        assertThat(error.line()).isEqualTo(10_001);
        assertThat(error.column()).isEqualTo(4);
    }

    @Test
    void reportsSequenceCutOffAtTheEndOfTheFile() {
        ImportException error = failure(bytes("abc", 0xC3));

        assertThat(error.line()).isEqualTo(1);
        assertThat(error.column()).isEqualTo(4);
        assertThat(error.problem()).contains("0xC3");
    }

    @Test
    void countsAnEmojiAsOneColumn() {
        ImportException error = failure(bytes("😀", 0xFF));

        assertThat(error.column()).isEqualTo(2);
    }

    @Test
    void handsOutTheTextBeforeABadByteFirst() throws IOException {
        Reader reader = reader(bytes("good line\n", 0xFF));
        char[] buffer = new char[100];

        int read = reader.read(buffer, 0, buffer.length);

        assertThat(new String(buffer, 0, read)).isEqualTo("good line\n");
    }

    private static String readAll(byte[] bytes) throws IOException {
        StringWriter out = new StringWriter();
        try (Reader reader = reader(bytes)) {
            reader.transferTo(out);
        }
        return out.toString();
    }

    private static ImportException failure(byte[] bytes) {
        return catchThrowableOfType(ImportException.class, () -> readAll(bytes));
    }

    private static Reader reader(byte[] bytes) {
        return new StrictUtf8Reader(new ByteArrayInputStream(bytes), "test.csv");
    }

    /** UTF-8 text followed by raw bytes, and optionally more text. */
    private static byte[] bytes(String text, Object... rest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        for (Object part : rest) {
            if (part instanceof Integer b) {
                out.write(b);
            } else {
                out.writeBytes(part.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}
