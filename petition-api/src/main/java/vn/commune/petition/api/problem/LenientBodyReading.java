package vn.commune.petition.api.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a request body to the end instead of stopping at its first bad field: an unknown enum
 * value, an impossible date, a wrong type or an unknown property is noted and read as null, so the
 * 400 answer can list every invalid field at once. Outside a request body read, it does nothing.
 */
public final class LenientBodyReading extends DeserializationProblemHandler {

    private static final ThreadLocal<List<FieldProblem>> CURRENT = new ThreadLocal<>();

    /** Starts noting problems for the body read on this thread. */
    static void begin() {
        CURRENT.set(new ArrayList<>());
    }

    /** The problems noted since {@link #begin()}, and stops noting. */
    static List<FieldProblem> end() {
        List<FieldProblem> problems = CURRENT.get();
        CURRENT.remove();
        return problems == null ? List.of() : problems;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) throws IOException {
        List<FieldProblem> problems = CURRENT.get();
        if (problems == null) {
            return false;
        }
        String parent = path(p.getParsingContext().getParent() == null
                ? JsonPointer.empty() : p.getParsingContext().getParent().pathAsPointer());
        problems.add(new FieldProblem(parent.isEmpty() ? propertyName : parent + "." + propertyName,
                "unknown field"));
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                                         String failureMsg) {
        List<FieldProblem> problems = CURRENT.get();
        if (problems == null) {
            return NOT_HANDLED;
        }
        problems.add(new FieldProblem(path(ctxt.getParser()), describe(targetType, valueToConvert)));
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                                         String failureMsg) {
        List<FieldProblem> problems = CURRENT.get();
        if (problems == null) {
            return NOT_HANDLED;
        }
        problems.add(new FieldProblem(path(ctxt.getParser()), describe(targetType, String.valueOf(valueToConvert))));
        return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                        String failureMsg) throws IOException {
        List<FieldProblem> problems = CURRENT.get();
        if (problems == null) {
            return NOT_HANDLED;
        }
        String field = path(p);
        problems.add(new FieldProblem(field.isEmpty() ? "body" : field, "must be " + expected(targetType)));
        p.skipChildren();
        return null;
    }

    static String describe(Class<?> targetType, String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        if (targetType.isEnum()) {
            String allowed = Arrays.stream(targetType.getEnumConstants())
                    .map(Object::toString)
                    .collect(Collectors.joining(", "));
            return "'" + shown + "' is not one of: " + allowed;
        }
        if (targetType == java.time.LocalDate.class) {
            return "'" + shown + "' is not a valid date (yyyy-MM-dd)";
        }
        return "'" + shown + "' is not " + expected(targetType);
    }

    private static String expected(JavaType type) {
        if (type.isCollectionLikeType() || type.isArrayType()) {
            return "an array";
        }
        return expected(type.getRawClass());
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (yyyy-MM-dd)";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "an object";
    }

    private static String path(JsonParser parser) {
        return path(parser.getParsingContext().pathAsPointer());
    }

    /** {@code /petitioners/0/fullName} becomes {@code petitioners[0].fullName}. */
    static String path(JsonPointer pointer) {
        StringBuilder out = new StringBuilder();
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            if (p.mayMatchElement() && p.getMatchingProperty().chars().allMatch(Character::isDigit)) {
                out.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(p.getMatchingProperty());
            }
        }
        return out.toString();
    }
}
