package vn.commune.petition.api.description;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.function.BiPredicate;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import vn.commune.petition.api.problem.FieldProblem;

/**
 * The Problem Details each operation can answer with, read from what its handler takes: every
 * request can be malformed (400), unsigned (401), refused to a role (403), throttled (429) or meet
 * the database down (503); a body can also be too large (413) or of another type (415); a path
 * variable, or a commune's code in the query, can name nothing (404); If-Match can be stale (412); a write (it takes an
 * Idempotency-Key) can break a rule (409) or reuse a key (422), as can a handler that builds its
 * own response.
 */
@Component
class ProblemResponses implements OperationCustomizer {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    static final String PROBLEM = "Problem";
    static final String INVALID_REQUEST_PROBLEM = "InvalidRequestProblem";
    static final String RULE_VIOLATION_PROBLEM = "RuleViolationProblem";

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final BiPredicate<Operation, HandlerMethod> EVERY_OPERATION = (operation, handler) -> true;
    private static final BiPredicate<Operation, HandlerMethod> BODY = (operation, handler) ->
            operation.getRequestBody() != null;
    private static final BiPredicate<Operation, HandlerMethod> WRITE = (operation, handler) ->
            takes(operation, "header", IDEMPOTENCY_KEY);

    /** One status, the shared response that describes it, and which operations can answer it. */
    record Problem(HttpStatus status, String name, String description, String schema, String header,
                   BiPredicate<Operation, HandlerMethod> answeredBy) {
    }

    static final List<Problem> PROBLEMS = List.of(
            new Problem(HttpStatus.BAD_REQUEST, "InvalidRequest",
                    "Invalid request: every invalid field of the body, the query or a header is listed in"
                            + " `errors` (the first 100, with `errorsLeftOff` when there are more); a malformed"
                            + " path or header is refused too. Nothing was written.",
                    INVALID_REQUEST_PROBLEM, null, EVERY_OPERATION),
            new Problem(HttpStatus.UNAUTHORIZED, "Unauthorized", "No or wrong credentials: sign in with HTTP Basic.",
                    PROBLEM, HttpHeaders.WWW_AUTHENTICATE, EVERY_OPERATION),
            new Problem(HttpStatus.FORBIDDEN, "Forbidden", "The signed-in role may not do this.",
                    PROBLEM, null, EVERY_OPERATION),
            new Problem(HttpStatus.NOT_FOUND, "NotFound", "Nothing has this id (or name, or commune's code).",
                    PROBLEM, null, (operation, handler) -> takes(operation, "path", null)
                            || takes(operation, "query", "commune")),
            new Problem(HttpStatus.CONFLICT, "RuleViolation",
                    "A rule is broken: its name is in `rule` (see the rules in the API's description)."
                            + " Nothing was written.",
                    RULE_VIOLATION_PROBLEM, null, WRITE.or((operation, handler) -> buildsItsOwnResponse(handler))),
            new Problem(HttpStatus.PRECONDITION_FAILED, "StaleVersion",
                    "If-Match does not name the current version (a weak tag never does): read it again and retry."
                            + " The version is checked before the rules. Nothing was written.",
                    PROBLEM, null, (operation, handler) -> takes(operation, "header", HttpHeaders.IF_MATCH)),
            new Problem(HttpStatus.PAYLOAD_TOO_LARGE, "TooLarge", "The body is larger than the service accepts.",
                    PROBLEM, null, BODY),
            new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType",
                    "The body's Content-Type is not one this operation reads.", PROBLEM, null, BODY),
            new Problem(HttpStatus.UNPROCESSABLE_ENTITY, "IdempotencyKeyReused",
                    "This Idempotency-Key was used by the same user for a different request. Nothing was written.",
                    PROBLEM, null, WRITE),
            new Problem(HttpStatus.TOO_MANY_REQUESTS, "TooManySignIns",
                    "Too many failed tries lately: sign-ins from this address or on this account, or public"
                            + " lookups from this address or of this reference. Retry after Retry-After seconds.",
                    PROBLEM, HttpHeaders.RETRY_AFTER, EVERY_OPERATION),
            new Problem(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable",
                    "The database cannot be reached: nothing was written; retry after Retry-After seconds.",
                    PROBLEM, HttpHeaders.RETRY_AFTER, EVERY_OPERATION));

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        WriteHeaderParameters.add(operation, handler);
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        for (Problem problem : PROBLEMS) {
            String status = Integer.toString(problem.status().value());
            if (problem.answeredBy().test(operation, handler) && !responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + problem.name()));
            }
        }
        operation.setResponses(responses);
        return operation;
    }

    /** The schemas, headers and responses the operations refer to. */
    static void describe(Components components, String rules) {
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 Problem Details (application/problem+json). Some problems carry more"
                        + " members than these, such as `rejectedLines` of a refused import.")
                .addProperty("type", new StringSchema().format("uri-reference")
                        .description("The kind of problem, such as `/problems/invalid-request`"))
                .addProperty("title", new StringSchema()
                        .description("A short summary, in Vietnamese when the request says Accept-Language: vi"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What happened, for a person to read"))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("The path of the request"));
        problem.setAdditionalProperties(true);
        ModelConverters.getInstance().readAll(FieldProblem.class).forEach(components::addSchemas);
        components.addSchemas(PROBLEM, problem);
        components.addSchemas(INVALID_REQUEST_PROBLEM, new ComposedSchema()
                .addAllOfItem(new Schema<>().$ref(PROBLEM))
                .addAllOfItem(new ObjectSchema()
                        .addProperty("errors", new ArraySchema()
                                .items(new Schema<>().$ref(FieldProblem.class.getSimpleName()))
                                .description("Every invalid field, each once: the first 100"))
                        .addProperty("errorsLeftOff", new BooleanSchema()
                                .description("True when more than 100 fields are invalid and the rest are not listed"))));
        components.addSchemas(RULE_VIOLATION_PROBLEM, new ComposedSchema()
                .addAllOfItem(new Schema<>().$ref(PROBLEM))
                .addAllOfItem(new ObjectSchema()
                        .addProperty("rule", new StringSchema().description("The name of the rule broken. " + rules))
                        .addRequiredItem("rule")));

        components.addHeaders(HttpHeaders.RETRY_AFTER, new Header()
                .description("Seconds to wait before retrying").schema(new IntegerSchema()));
        components.addHeaders(HttpHeaders.WWW_AUTHENTICATE, new Header()
                .description("`Basic realm=\"petition\", charset=\"UTF-8\"`").schema(new StringSchema()));
        for (Problem each : PROBLEMS) {
            ApiResponse response = new ApiResponse().description(each.description())
                    .content(new Content().addMediaType(PROBLEM_JSON,
                            new MediaType().schema(new Schema<>().$ref(each.schema()))));
            if (each.header() != null) {
                response.addHeaderObject(each.header(), new Header().$ref(each.header()));
            }
            components.addResponses(each.name(), response);
        }
    }

    /** Whether the operation takes a parameter in that place (of that name, if one is given). */
    static boolean takes(Operation operation, String in, String name) {
        List<Parameter> parameters = operation.getParameters();
        return parameters != null && parameters.stream().anyMatch(parameter -> in.equals(parameter.getIn())
                && (name == null || name.equalsIgnoreCase(parameter.getName())));
    }

    /**
     * A handler that answers {@code ResponseEntity<?>} decides its status itself, a refusal with a
     * rule of its own among them (a rebuild already running, a report that does not add up).
     */
    private static boolean buildsItsOwnResponse(HandlerMethod handler) {
        ResolvableType returned = ResolvableType.forMethodReturnType(handler.getMethod());
        return ResponseEntity.class.isAssignableFrom(returned.toClass())
                && returned.getGeneric(0).toClass() == Object.class;
    }
}
