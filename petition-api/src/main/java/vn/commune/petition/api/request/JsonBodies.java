package vn.commune.petition.api.request;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.util.StreamUtils;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import vn.commune.petition.api.problem.FieldProblem;
import vn.commune.petition.api.problem.InvalidRequestException;

/**
 * Spring's converter for JSON, reading each request body to its end. What its fields are given that
 * they cannot hold is noted as it is read ({@link BodyFields}), a key given twice or a value past the
 * parser's limits is named where the read stopped, and these come back in one 400 with what Bean
 * Validation finds in the rest of the body. A body read without a problem is left to Spring's
 * validation ({@code @Valid} on each {@code @RequestBody}).
 */
public class JsonBodies extends MappingJackson2HttpMessageConverter {

    private static final FieldProblem NOT_WELL_FORMED = new FieldProblem("body", "The body is not well-formed JSON");
    private static final FieldProblem NOT_AN_OBJECT = new FieldProblem("body", "must be an object");

    private final SpringValidatorAdapter validator;

    public JsonBodies(ObjectMapper json, Validator validator) {
        super(json);
        this.validator = new SpringValidatorAdapter(validator);
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
        List<FieldProblem> problems = new ArrayList<>();
        ObjectReader reader = getObjectMapper().readerFor(getJavaType(type, contextClass))
                .withAttribute(BodyFields.NOTED, problems)
                // Which of two values for one key counts would be a guess.
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        Object body = null;
        try (JsonParser parser = reader.createParser(StreamUtils.nonClosing(input.getBody()))) {
            try {
                body = reader.readValue(parser);
            } catch (JsonProcessingException e) {
                // What failed as it came in (not UTF-8, over the size limit) is not the JSON's fault.
                if (e.getCause() instanceof IOException in && !(in instanceof JsonProcessingException)) {
                    throw in;
                }
                FieldProblem stopped = stoppedAt(e, parser);
                // Malformed JSON is the first thing to say; what was noted before it broke off follows.
                problems.add(stopped == NOT_WELL_FORMED ? 0 : problems.size(), stopped);
            }
        }
        if (body == null) {
            throw new InvalidRequestException(problems.isEmpty() ? List.of(NOT_AN_OBJECT) : problems);
        }
        if (problems.isEmpty()) {
            return body;
        }
        // A noted field's problem comes first: a 400 lists each field once, with its first problem.
        BindingResult violations = new BeanPropertyBindingResult(body, "body");
        validator.validate(body, violations);
        problems.addAll(ProblemHandling.problems(violations));
        throw new InvalidRequestException(problems);
    }

    /** The field where the read stopped and why, or the body when it is not well-formed JSON. */
    private static FieldProblem stoppedAt(JsonProcessingException e, JsonParser parser) {
        // What the parser threw inside a field comes wrapped in the field's mapping exception.
        Throwable failure = e instanceof JsonMappingException && e.getCause() instanceof JsonProcessingException cause
                ? cause : e;
        String field = BodyFields.field(parser.getParsingContext());
        if (failure instanceof StreamConstraintsException limit) {
            return overLimit(limit, parser, field);
        }
        if (failure instanceof InputCoercionException) {
            return new FieldProblem(field, "is out of range");
        }
        // jackson-core tells a key given twice from malformed JSON only in its message.
        if (failure instanceof JsonParseException parse
                && String.valueOf(parse.getOriginalMessage()).startsWith("Duplicate field")) {
            return new FieldProblem(field, "is given more than once");
        }
        // A value Jackson refuses without asking BodyFields, such as an empty string for an enum.
        if (failure instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && !parser.getParsingContext().inRoot()) {
            return new FieldProblem(field, "must be " + BodyFields.expected(mismatch.getTargetType()));
        }
        return NOT_WELL_FORMED;
    }

    /** Which of the parser's limits (JsonConfiguration) was passed: jackson-core says it only in its message. */
    private static FieldProblem overLimit(StreamConstraintsException e, JsonParser parser, String field) {
        StreamReadConstraints limits = parser.streamReadConstraints();
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("String value length")) {
            return new FieldProblem(field, "is longer than " + limits.getMaxStringLength() + " characters");
        }
        if (message.startsWith("Number value length")) {
            return new FieldProblem(field, "has more than " + limits.getMaxNumberLength() + " digits");
        }
        if (message.startsWith("Name length")) {
            // The name was not read: the object it is in, not the field before it.
            JsonStreamContext object = parser.getParsingContext();
            return new FieldProblem(BodyFields.field(object.getParent()),
                    "has a field name longer than " + limits.getMaxNameLength() + " characters");
        }
        // Nested too deeply: the field the client wrote, not the thirty-odd levels below it.
        String top = field.split("[.\\[]", 2)[0];
        return new FieldProblem(top.isEmpty() ? "body" : top,
                "is nested deeper than " + limits.getMaxNestingDepth() + " levels");
    }
}
