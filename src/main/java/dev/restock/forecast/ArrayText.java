package dev.restock.forecast;

/**
 * Reads PostgreSQL's text form of a one-dimensional array of numbers ({@code {1,2.500000,3}})
 * without boxing each element, as the driver's {@code java.sql.Array} does. Elements are never
 * NULL here (they come from NOT NULL columns).
 */
final class ArrayText {

    /** Powers of ten that a double holds exactly. */
    private static final double[] EXACT_POWERS_OF_TEN = new double[23];

    /** Decimals with at most this many digits are exact in a {@code long} and in a double. */
    private static final int EXACT_DIGITS = 15;

    static {
        EXACT_POWERS_OF_TEN[0] = 1;
        for (int power = 1; power < EXACT_POWERS_OF_TEN.length; power++) {
            EXACT_POWERS_OF_TEN[power] = EXACT_POWERS_OF_TEN[power - 1] * 10;
        }
    }

    private ArrayText() {}

    static long[] longs(String text) {
        long[] values = new long[count(text)];
        int position = 1;
        for (int index = 0; index < values.length; index++) {
            int end = elementEnd(text, position);
            values[index] = Long.parseLong(text, position, end, 10);
            position = end + 1;
        }
        return values;
    }

    /**
     * The elements as the nearest doubles, exactly what {@link Double#parseDouble} gives: a
     * decimal of at most 15 digits is its digits divided by a power of ten, both exact, and IEEE
     * division rounds that quotient correctly; anything longer goes to {@code parseDouble}.
     */
    static double[] doubles(String text) {
        double[] values = new double[count(text)];
        int position = 1;
        for (int index = 0; index < values.length; index++) {
            int end = elementEnd(text, position);
            values[index] = decimal(text, position, end);
            position = end + 1;
        }
        return values;
    }

    private static double decimal(String text, int from, int to) {
        boolean negative = text.charAt(from) == '-';
        long digits = 0;
        int digitCount = 0;
        int scale = -1;
        for (int position = negative ? from + 1 : from; position < to; position++) {
            char character = text.charAt(position);
            if (character == '.' && scale < 0) {
                scale = 0;
            } else if (character >= '0'
                    && character <= '9'
                    && digitCount < EXACT_DIGITS
                    && scale < EXACT_POWERS_OF_TEN.length - 1) {
                digits = digits * 10 + (character - '0');
                digitCount += digits == 0 ? 0 : 1;
                scale += scale >= 0 ? 1 : 0;
            } else {
                return Double.parseDouble(text.substring(from, to));
            }
        }
        double value = scale <= 0 ? digits : digits / EXACT_POWERS_OF_TEN[scale];
        return negative ? -value : value;
    }

    private static int count(String text) {
        if (text.length() < 2 || text.charAt(0) != '{' || text.charAt(text.length() - 1) != '}') {
            throw new IllegalArgumentException("not the text of an array: '" + abbreviate(text) + "'");
        }
        if (text.length() == 2) {
            return 0;
        }
        int count = 1;
        for (int position = 1; position < text.length() - 1; position++) {
            if (text.charAt(position) == ',') {
                count++;
            }
        }
        return count;
    }

    private static int elementEnd(String text, int from) {
        int end = text.indexOf(',', from);
        return end < 0 ? text.length() - 1 : end;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
