package dev.restock.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The detail of the 400 problem for a request body that cannot be read: which field, as
 * Jackson's path names it ({@code lines[0].quantity}), and what was expected there. It never
 * quotes what was sent (a value may be long, or a secret) nor Jackson's own message, which
 * names Restock's classes.
 */
final class UnreadableRequests {

    private UnreadableRequests() {}

    static String detail(HttpMessageNotReadableException e) {
        JacksonException jackson = jacksonCause(e);
        if (jackson == null) {
            return "The request needs a JSON body.";
        }
        String path = path(jackson);
        if (jackson instanceof StreamReadException) {
            return "The request body is not valid JSON" + location(jackson.getLocation()) + ".";
        }
        if (path.isEmpty()) {
            return "The request body is not the JSON object this request takes.";
        }
        if (jackson instanceof UnrecognizedPropertyException) {
            return "The request's '" + path + "' is not a field this request takes.";
        }
        if (jackson instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "The request's '" + path + "' is not " + expected(mismatch.getTargetType()) + ".";
        }
        return "The request's '" + path + "' cannot be read.";
    }

    private static JacksonException jacksonCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    /** {@code lines[0].quantity}: property names joined by '.', list indexes in brackets. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String expected(Class<?> type) {
        if (type == LocalDate.class) {
            return "a date (expected YYYY-MM-DD)";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class) {
            return "a number (expected a decimal number such as 2.5)";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == BigInteger.class) {
            return "a whole number (expected one such as 10)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text (expected a JSON string)";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list (expected a JSON array)";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object (expected a JSON object)";
        }
        return "of the kind this field takes";
    }

    private static String location(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
