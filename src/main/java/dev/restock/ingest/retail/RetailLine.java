package dev.restock.ingest.retail;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One line of the Online Retail data set, validated. {@code invoiceTime} is UK local time as the
 * data has it; {@code customer} is the id without the data set's ".0" float suffix, or null.
 *
 * @param line the 1-based line (CSV) or row (Excel) number in the file, for error messages
 */
record RetailLine(
        long line,
        String invoice,
        String stockCode,
        String description,
        BigDecimal quantity,
        LocalDateTime invoiceTime,
        BigDecimal unitPrice,
        String customer,
        String country) {}
