package dk.klaremaal.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What any controller leaves unanswered becomes the status it stands for, never a 500: something that
 * does not exist a 404, bad input a 400 naming the field, a database out of reach a 503 with
 * {@code Retry-After}. The answer itself comes from {@link ErrorPageController}: an accessible page for
 * a browser, a problem document for an API client. Controllers with handlers of their own (the API's
 * {@link ApiExceptionHandler}, public and staff pages) are asked first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorAdvice {

    @ExceptionHandler(NotFoundException.class)
    void notFound(NotFoundException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    void forbidden(ForbiddenException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    void invalid(InvalidInputException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        badRequest(e.problems(), e.getMessage(), request, response);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    void parameter(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<InvalidInputException.FieldProblem> problems = Problems.parameter(e);
        badRequest(problems, problems.getFirst().field() + ": " + problems.getFirst().reason(), request, response);
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            SQLTransientConnectionException.class, SQLNonTransientConnectionException.class})
    void unavailable(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Problems.RETRY_AFTER_SECONDS));
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }

    private static void badRequest(List<InvalidInputException.FieldProblem> problems, String message, HttpServletRequest request,
                                   HttpServletResponse response) throws IOException {
        request.setAttribute(Problems.FIELD_PROBLEMS, problems);
        response.sendError(HttpServletResponse.SC_BAD_REQUEST, message);
    }
}
