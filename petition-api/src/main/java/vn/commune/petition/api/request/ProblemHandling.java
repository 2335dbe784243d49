package vn.commune.petition.api.request;

import static vn.commune.petition.api.problem.Problems.MAX_LISTED;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.CharacterCodingException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.commune.petition.api.petition.UnsupportedScanException;
import vn.commune.petition.api.problem.FieldProblem;
import vn.commune.petition.api.problem.InvalidRequestException;
import vn.commune.petition.api.problem.NotFoundException;
import vn.commune.petition.api.problem.PreconditionFailedException;
import vn.commune.petition.api.problem.Problems;
import vn.commune.petition.api.problem.ThrottledException;
import vn.commune.petition.api.write.IdempotencyKeyReusedException;
import vn.commune.petition.domain.RuleViolation;

/**
 * Maps every failure to RFC 9457 Problem Details: 400 with every invalid field, 404, 409 with the
 * broken rule's name in {@code rule}, 412 for a stale version, 413 for a body that passed its
 * limit while it was read, 422 for a reused idempotency key, 503 while the database is unreachable. Titles are in Vietnamese when the client asks for it.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

    private final ObjectMapper json;

    ProblemHandling(ObjectMapper json) {
        this.json = json;
    }

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    private static final FieldProblem NOT_UTF8 = new FieldProblem("body", "is not valid UTF-8");

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e, HttpServletRequest request) {
        return respond(invalidRequest(e.problems(), request), request);
    }

    /** A body that is not UTF-8 (UntrustedInput checks it as it is read), whoever was reading it. */
    @ExceptionHandler(CharacterCodingException.class)
    ResponseEntity<ProblemDetail> notUtf8(CharacterCodingException e, HttpServletRequest request) {
        return respond(invalidRequest(List.of(NOT_UTF8), request), request);
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleBroken(RuleViolation e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "rule-violation",
                title(request, "The step breaks a rule", "Thao tác vi phạm quy tắc xử lý"), e.rule().description());
        problem.setProperty("rule", e.rule().name());
        return respond(problem, request);
    }

    @ExceptionHandler({AggregateNotFoundException.class, NotFoundException.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found",
                title(request, "Not found", "Không tìm thấy"),
                e instanceof NotFoundException ? e.getMessage() : "No petition has this id"), request);
    }

    /** What a role may do but not this account, as Communes.requireEveryCommune says. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                title(request, "Forbidden", "Không có quyền"), e.getMessage()), request);
    }

    @ExceptionHandler({ConflictingAggregateVersionException.class, PreconditionFailedException.class})
    ResponseEntity<ProblemDetail> stale(RuntimeException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.PRECONDITION_FAILED, "stale-version",
                title(request, "The petition has changed", "Đơn đã được cập nhật bởi người khác"),
                "If-Match does not match the petition's current version; read it again and retry"), request);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "rule-violation",
                title(request, "The step breaks a rule", "Thao tác vi phạm quy tắc xử lý đơn"),
                "Another step was recorded on this petition at the same moment; read it again and retry");
        problem.setProperty("rule", "CONCURRENT_STEP");
        return respond(problem, request);
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                title(request, "Idempotency-Key reused", "Khóa Idempotency-Key đã được dùng"),
                "This Idempotency-Key was used for a different request"), request);
    }

    @ExceptionHandler(UnsupportedScanException.class)
    ResponseEntity<ProblemDetail> unsupportedScan(UnsupportedScanException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-scan",
                title(request, "Not a PDF, JPEG or PNG", "Không phải tệp PDF, JPEG hoặc PNG"), e.getMessage()), request);
    }

    @ExceptionHandler(ThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(ThrottledException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                title(request, "Too many tries", "Thử quá nhiều lần"), e.getMessage());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(respond(problem, request).getBody());
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .header(HttpHeaders.CONNECTION, "close")
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(BodySizeLimit.tooLarge(e.limit(), request.getRequestURI()));
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class, TransientDataAccessResourceException.class})
    ResponseEntity<ProblemDetail> databaseDown(RuntimeException e, HttpServletRequest request) {
        log.warn("Database unavailable: {}", e.getClass().getSimpleName());
        ResponseEntity<ProblemDetail> response = respond(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                title(request, "Service unavailable", "Dịch vụ tạm thời không khả dụng"),
                "The database cannot be reached; nothing was written. Retry shortly."), request);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(response.getHeaders().getContentType())
                .body(response.getBody());
    }

    /**
     * A commit or rollback that failed: the connection was lost or the server shut down mid-request
     * (no constraint here is deferred to commit). Nothing was written; the client may retry.
     */
    @ExceptionHandler(TransactionSystemException.class)
    ResponseEntity<ProblemDetail> transactionFailed(TransactionSystemException e, HttpServletRequest request) {
        return databaseDown(e, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        // Only the exception's type is logged: a message could carry a petitioner's data.
        log.error("Unexpected {} on {} {}", e.getClass().getName(), request.getMethod(), request.getRequestURI(), e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                title(request, "Internal error", "Lỗi hệ thống"),
                "Something went wrong on our side; nothing was written"), request);
    }

    /**
     * The client accepts nothing this service answers with, or its Accept cannot be read: the answer
     * is Problem Details all the same, written here since no converter may write it.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
                                                                      HttpHeaders headers, HttpStatusCode status,
                                                                      WebRequest request) {
        HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
        HttpServletResponse response = ((ServletWebRequest) request).getResponse();
        ProblemDetail problem = Problems.of(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
                title(servletRequest, "Not acceptable", "Không có định dạng phù hợp"),
                "This service answers in JSON (application/json and application/problem+json)");
        problem.setInstance(java.net.URI.create(servletRequest.getRequestURI()));
        try {
            Problems.write(json, response, problem);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return null;
    }

    /** A request body (its type problems come with Bean Validation's, see JsonBodies) or query parameters. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
        return untyped(respond(invalidRequest(problems(ex.getBindingResult()), servletRequest), servletRequest));
    }

    /** A body that could not be read at all; JsonBodies answers for what is wrong inside a JSON body. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
        if (ex.getMostSpecificCause() instanceof CharacterCodingException) {
            return untyped(respond(invalidRequest(List.of(NOT_UTF8), servletRequest), servletRequest));
        }
        if (ex.getCause() instanceof BodyTooLargeException tooLarge) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
                    .body(BodySizeLimit.tooLarge(tooLarge.limit(), servletRequest.getRequestURI()));
        }
        // Spring finds no body without reading one; reading one fails only by I/O.
        String detail = ex.getCause() == null ? "The request has no body" : "The body could not be read";
        ProblemDetail problem = invalidRequest(List.of(new FieldProblem("body", detail)), servletRequest);
        problem.setDetail(detail);
        return untyped(respond(problem, servletRequest));
    }

    /**
     * Bean Validation's findings, by field, and query parameters that are not of their type (what was
     * sent, and what it should be).
     */
    static List<FieldProblem> problems(BindingResult result) {
        return result.getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField))
                .map(error -> new FieldProblem(error.getField(), error.isBindingFailure()
                        ? mismatch(error)
                        : error.getDefaultMessage()))
                .toList();
    }

    private static String mismatch(FieldError error) {
        Object rejected = error.getRejectedValue();
        String value = rejected instanceof Object[] values && values.length > 0 ? String.valueOf(values[0])
                : String.valueOf(rejected);
        TypeMismatchException mismatch = error.contains(TypeMismatchException.class)
                ? error.unwrap(TypeMismatchException.class) : null;
        return mismatch != null && mismatch.getRequiredType() != null
                ? BodyFields.describe(mismatch.getRequiredType(), value)
                : "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "' is not a valid value";
    }

    /**
     * 400 with each invalid field once, at most {@link Problems#MAX_LISTED} of them: a body of thousands of
     * unknown fields gets the first hundred and {@code errorsLeftOff: true}.
     */
    private static ProblemDetail invalidRequest(List<FieldProblem> problems, HttpServletRequest request) {
        Map<String, FieldProblem> byField = new LinkedHashMap<>();
        problems.forEach(problem -> byField.putIfAbsent(problem.field(), problem));
        List<FieldProblem> listed = byField.values().stream().limit(MAX_LISTED).toList();
        boolean leftOff = byField.size() > MAX_LISTED;
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request",
                title(request, "Invalid request", "Yêu cầu không hợp lệ"),
                leftOff ? "More than " + MAX_LISTED + " fields are invalid; the first " + MAX_LISTED + " are listed"
                        : listed.size() == 1 ? "1 field is invalid" : listed.size() + " fields are invalid");
        problem.setProperty("errors", listed);
        if (leftOff) {
            problem.setProperty("errorsLeftOff", true);
        }
        return problem;
    }

    /**
     * Every Problem Details answer names its type itself: Spring then writes it whatever the request's
     * Accept says, even one that cannot be read, instead of failing to negotiate and leaving an empty 400.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        HttpHeaders typed = new HttpHeaders();
        typed.addAll(headers);
        if (body instanceof ProblemDetail && typed.getContentType() == null) {
            typed.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        }
        return super.createResponseEntity(body, typed, status, request);
    }

    private static ResponseEntity<Object> untyped(ResponseEntity<ProblemDetail> response) {
        return new ResponseEntity<>(response.getBody(), response.getHeaders(), response.getStatusCode());
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String title(HttpServletRequest request, String english, String vietnamese) {
        String language = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        return language != null && language.toLowerCase(Locale.ROOT).startsWith("vi") ? vietnamese : english;
    }
}
