package vn.commune.petition.api.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Every JSON request body is read leniently and then validated (Bean Validation) here, so that
 * type errors and constraint errors come back together in one 400.
 */
@RestControllerAdvice
class RequestBodyValidation extends RequestBodyAdviceAdapter {

    private final Validator validator;

    RequestBodyValidation(Validator validator) {
        this.validator = validator;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        LenientBodyReading.begin();
        return inputMessage;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter,
                                Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        List<FieldProblem> problems = new ArrayList<>(LenientBodyReading.end());
        if (body == null) {
            if (problems.isEmpty()) {
                problems.add(new FieldProblem("body", "must be a JSON object"));
            }
            throw new InvalidRequestException(problems);
        }
        Set<String> mistyped = new HashSet<>();
        problems.forEach(p -> mistyped.add(p.field()));
        validator.validate(body).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> field(v)))
                .filter(v -> !mistyped.contains(field(v)))
                .forEach(v -> problems.add(new FieldProblem(field(v), v.getMessage())));
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return body;
    }

    /** {@code petitioners[2].<list element>} becomes {@code petitioners[2]}, the path the client sent. */
    private static String field(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString().replaceAll("\\.?<[^>]*>", "");
    }

    @Override
    public Object handleEmptyBody(Object body, HttpInputMessage inputMessage, MethodParameter parameter,
                                  Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        LenientBodyReading.end();
        return body;
    }
}
