package dev.restock.ingest;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * Files that are often renamed to .csv by mistake, recognised by their first bytes, so the
 * message names what the file is instead of pointing at an odd byte.
 */
enum BinaryFormat {
    GZIP("is a gzip archive, not CSV text; decompress it first", 0x1F, 0x8B),
    ZIP("is a ZIP archive (an .xlsx workbook?), not CSV text; save the sheet as CSV UTF-8", 0x50, 0x4B, 0x03, 0x04),
    PNG("is a PNG image, not CSV text", 0x89, 0x50, 0x4E, 0x47),
    PDF("is a PDF document, not CSV text", 0x25, 0x50, 0x44, 0x46),
    LEGACY_EXCEL(
            "is an Office document (an .xls workbook?), not CSV text; save the sheet as CSV UTF-8",
            0xD0,
            0xCF,
            0x11,
            0xE0),
    UTF16_LITTLE_ENDIAN("is UTF-16 text; the file must be UTF-8 encoded", 0xFF, 0xFE),
    UTF16_BIG_ENDIAN("is UTF-16 text; the file must be UTF-8 encoded", 0xFE, 0xFF);

    private final String problem;
    private final byte[] magic;

    BinaryFormat(String problem, int... magic) {
        this.problem = problem;
        this.magic = new byte[magic.length];
        for (int i = 0; i < magic.length; i++) {
            this.magic[i] = (byte) magic[i];
        }
    }

    /** The format whose signature starts the readable bytes, if any; does not consume them. */
    static Optional<BinaryFormat> of(ByteBuffer head) {
        for (BinaryFormat format : values()) {
            if (format.matches(head)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    String problem() {
        return problem;
    }

    private boolean matches(ByteBuffer head) {
        if (head.remaining() < magic.length) {
            return false;
        }
        byte[] start = new byte[magic.length];
        head.get(head.position(), start);
        return Arrays.equals(start, magic);
    }
}
