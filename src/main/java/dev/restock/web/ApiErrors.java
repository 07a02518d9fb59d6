package dev.restock.web;

import dev.restock.NotFoundException;
import dev.restock.RestockException;
import dev.restock.orders.OrderReadOnlyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the REST API as RFC 9457 problem documents. The detail is the same one-line message
 * the CLI prints; it never carries a secret, because {@link RestockException} messages never do.
 */
@RestControllerAdvice
class ApiErrors {

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** A saved order is read-only: 409, naming the connection that holds it. */
    @ExceptionHandler(OrderReadOnlyException.class)
    ProblemDetail readOnly(OrderReadOnlyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperty("connection", e.connection());
        return problem;
    }

    /** Any other refusal: the request was understood but cannot be carried out as asked. */
    @ExceptionHandler(RestockException.class)
    ProblemDetail refused(RestockException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }
}
