package vn.commune.petition.api.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import vn.commune.petition.api.problem.InvalidRequestException;
import vn.commune.petition.api.problem.NotFoundException;
import vn.commune.petition.api.problem.PreconditionFailedException;
import vn.commune.petition.api.write.IdempotencyKeyReusedException;
import vn.commune.petition.domain.RuleViolation;

/**
 * What a page controller's failure shows: an HTML error page in the reader's language, where the
 * API answers Problem Details (ProblemHandling). A form should catch its own refusals with
 * {@link Forms#submit} and show them beside its fields; what reaches here is shown as a page.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(0)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler({NotFoundException.class, AggregateNotFoundException.class})
    ModelAndView notFound() {
        return ErrorView.of(HttpStatus.NOT_FOUND, null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden() {
        return ErrorView.of(HttpStatus.FORBIDDEN, null);
    }

    @ExceptionHandler({InvalidRequestException.class, BindException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class, IdempotencyKeyReusedException.class})
    ModelAndView badRequest() {
        return ErrorView.of(HttpStatus.BAD_REQUEST, null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView methodNotAllowed() {
        return ErrorView.of(HttpStatus.METHOD_NOT_ALLOWED, null);
    }

    @ExceptionHandler(RuleViolation.class)
    ModelAndView ruleBroken(RuleViolation e) {
        return ErrorView.of(HttpStatus.CONFLICT, e.rule().name());
    }

    @ExceptionHandler({PreconditionFailedException.class, ConflictingAggregateVersionException.class})
    ModelAndView stale() {
        return ErrorView.of(HttpStatus.PRECONDITION_FAILED, null);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ModelAndView concurrent() {
        return ErrorView.of(HttpStatus.CONFLICT, Forms.CONCURRENT_STEP);
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            TransactionSystemException.class})
    ModelAndView databaseDown(RuntimeException e) {
        log.warn("Database unavailable: {}", e.getClass().getSimpleName());
        ModelAndView page = ErrorView.of(HttpStatus.SERVICE_UNAVAILABLE, null);
        return page;
    }

    /**
     * The reader left while a page was being written, most often a dashboard's stream when its tab
     * closed: nobody to answer, and nothing went wrong.
     */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void readerLeft(HttpServletResponse response) {
        // Taking the response tells Spring that it is handled: no page is rendered into it.
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request) {
        // Only the exception's type is logged: a message could carry a petitioner's data.
        log.error("Unexpected {} on page {} {}", e.getClass().getName(), request.getMethod(), request.getRequestURI(), e);
        return ErrorView.of(HttpStatus.INTERNAL_SERVER_ERROR, null);
    }
}
