package vn.commune.petition.api.description;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * What springdoc cannot read from a handler's signature: stable operation ids and tags from the
 * controller's and the method's names, what If-Match and Idempotency-Key mean, the headers of a
 * write's response. The ETag a step's If-Match
 * names is the one its resource's GET answers with.
 */
@Component
class Operations implements OperationCustomizer, GlobalOpenApiCustomizer {

    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    /** Headers an OpenAPI description does not list as parameters (OpenAPI 3.0, 4.7.12.1). */
    private static final Set<String> NOT_PARAMETERS = Set.of("accept", "content-type", "authorization");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        WriteHeaderParameters.add(operation, handler);
        String controller = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
        operation.setOperationId(StringUtils.uncapitalize(controller)
                + StringUtils.capitalize(handler.getMethod().getName()));
        operation.setTags(List.of(controller.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase()));
        if (operation.getParameters() != null) {
            operation.getParameters().removeIf(parameter -> "header".equals(parameter.getIn())
                    && NOT_PARAMETERS.contains(parameter.getName().toLowerCase()));
            operation.getParameters().forEach(Operations::describe);
            if (operation.getParameters().isEmpty()) {
                operation.setParameters(null);
            }
        }
        boolean write = ProblemResponses.takes(operation, "header", ProblemResponses.IDEMPOTENCY_KEY);
        operation.getResponses().forEach((status, response) -> {
            if (!status.startsWith("2")) {
                return;
            }
            if (write) {
                response.description("Done. A retry with the same Idempotency-Key and request gets the first"
                        + " response again.");
                response.addHeaderObject(HttpHeaders.LOCATION, new Header().schema(new StringSchema())
                        .description("Where what the request created can be read, when it created something"));
                response.addHeaderObject(HttpHeaders.ETAG, new Header().schema(new StringSchema())
                        .description("The version of the petition answered with, such as `\"3\"`: send it back"
                                + " as If-Match"));
                response.addHeaderObject(IDEMPOTENT_REPLAYED, new Header().schema(new StringSchema())
                        .description("`true` when this is the stored response to an earlier request with the"
                                + " same Idempotency-Key"));
            }
        });
        return operation;
    }

    private static void describe(Parameter parameter) {
        if (!"header".equals(parameter.getIn())) {
            return;
        }
        if (parameter.getName().equalsIgnoreCase(HttpHeaders.IF_MATCH)) {
            parameter.description("The ETag of the resource as last read (its GET answers with it, and so does"
                    + " each step): if another step was recorded since, the answer is 412 and nothing is"
                    + " written. Without it, the step is checked against the rules as the resource is now.");
        } else if (parameter.getName().equalsIgnoreCase(ProblemResponses.IDEMPOTENCY_KEY)) {
            parameter.description("1 to 200 printable ASCII characters chosen by the client. The first response"
                    + " to a key is kept (per user) with what the request wrote: a retry with the same key and"
                    + " request gets it again and writes nothing; the same key with another request is 422.");
        }
    }

    /**
     * A GET answers with the ETag that the If-Match of the steps below its path names:
     * {@code GET /api/petitions/{id}} for {@code POST /api/petitions/{id}/acceptance}.
     */
    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            boolean stepsBelow = openApi.getPaths().entrySet().stream()
                    .filter(other -> other.getKey().startsWith(path + "/"))
                    .flatMap(other -> other.getValue().readOperations().stream())
                    .anyMatch(operation -> ProblemResponses.takes(operation, "header", HttpHeaders.IF_MATCH));
            if (!stepsBelow || item.getGet() == null) {
                return;
            }
            for (Map.Entry<String, ApiResponse> response : item.getGet().getResponses().entrySet()) {
                if (response.getKey().startsWith("2")) {
                    response.getValue().addHeaderObject(HttpHeaders.ETAG, new Header().schema(new StringSchema())
                            .description("The current version, such as `\"3\"`, when the current state is asked"
                                    + " for: send it as If-Match with a step"));
                }
            }
        });
    }
}
