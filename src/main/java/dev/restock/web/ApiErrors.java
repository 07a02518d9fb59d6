package dev.restock.web;

import dev.restock.NotFoundException;
import dev.restock.RestockException;
import dev.restock.orders.OrderReadOnlyException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the REST API as RFC 9457 problem documents. The detail is the same one-line message
 * the CLI prints; it never carries a secret, because {@link RestockException} messages never do.
 * Spring MVC's own errors (an unknown path, a method not allowed) come from the superclass, but a
 * body that cannot be read says which field and what was expected ({@link UnreadableRequests});
 * anything else is unexpected: a 500 that says nothing of the exception, which goes to the log.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** A body that is not JSON, or not of the shape the request takes: 400, naming the field. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, UnreadableRequests.detail(e));
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    /**
     * A query parameter or path part that is not of its type ({@code ?saved=maybe}): 400, naming
     * it and what it takes, without quoting what was sent.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name =
                e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        String detail = "The request's parameter '" + name + "' is not "
                + (type != null ? UnreadableRequests.expected(type) : "of the kind it takes") + ".";
        return handleExceptionInternal(e, ProblemDetail.forStatusAndDetail(status, detail), headers, status, request);
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

    /**
     * A failure Restock did not foresee (a database error, a bug). Its message may quote SQL or
     * the request's data, so the caller gets only the status; the log has the whole exception.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure answering {} '{}'", request.getMethod(), request.getRequestURI(), e);
        return unexpectedProblem();
    }

    static ProblemDetail unexpectedProblem() {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Restock failed to answer this request because of an unexpected error. The service's log"
                        + " has the details.");
    }
}
