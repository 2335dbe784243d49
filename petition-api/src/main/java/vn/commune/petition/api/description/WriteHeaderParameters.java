package vn.commune.petition.api.description;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.Arrays;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import vn.commune.petition.api.petition.StepRequest;
import vn.commune.petition.api.write.WriteHeaders;

/**
 * A write's headers, which its handler takes as one {@link WriteHeaders} argument: the
 * Idempotency-Key of every write, and the If-Match of a step. Added before anything else, so that
 * what the customisers derive from an operation's headers sees them.
 */
final class WriteHeaderParameters {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(WriteHeaders.class);
    }

    private WriteHeaderParameters() {
    }

    /** Adds them to the operation, once, if its handler takes them; the other customisers call it first. */
    static void add(Operation operation, HandlerMethod handler) {
        if (Arrays.stream(handler.getMethodParameters()).noneMatch(p -> p.getParameterType() == WriteHeaders.class)
                || ProblemResponses.takes(operation, "header", ProblemResponses.IDEMPOTENCY_KEY)) {
            return;
        }
        operation.addParametersItem(new HeaderParameter().name(ProblemResponses.IDEMPOTENCY_KEY)
                .schema(new StringSchema().maxLength(200)));
        if (Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> StepRequest.class.isAssignableFrom(p.getParameterType()))) {
            operation.addParametersItem(new HeaderParameter().name(HttpHeaders.IF_MATCH).schema(new StringSchema()));
        }
    }
}
