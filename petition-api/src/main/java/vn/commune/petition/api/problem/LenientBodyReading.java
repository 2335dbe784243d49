package vn.commune.petition.api.problem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MappingJsonFactory;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a request body to the end instead of stopping at its first bad field: an unknown enum
 * value, an impossible date, a wrong type or an unknown property is noted and read as null, so the
 * 400 answer can list every invalid field at once. Within a body, scalars are taken as JSON typed
 * them: a number or true/false is not text, a fraction is not an integer, a number is not a date.
 * Outside a request body read (the projections read JSON with the same mapper), it does nothing.
 */
public final class LenientBodyReading extends DeserializationProblemHandler {

    private static final ThreadLocal<Reading> CURRENT = new ThreadLocal<>();

    /** A body read in progress: what was noted, and the parser reading it. */
    private static final class Reading {
        final List<FieldProblem> problems = new ArrayList<>();
        JsonParser parser;
    }

    private LenientBodyReading() {
    }

    /** The problem handler and the strict scalar types, for the web's ObjectMapper. */
    public static Module module() {
        return new SimpleModule("lenient-body-reading") {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.addDeserializationProblemHandler(new LenientBodyReading());
            }
        }.setDeserializerModifier(new StrictScalars());
    }

    /**
     * The mapper's parser factory, for reading request bodies: it tells the body read which parser
     * reads it, so that a read the parser stops (a number of 1,001 digits) can still name its field.
     */
    public static JsonFactory parsers(ObjectMapper mapper) {
        return new Parsers(mapper.getFactory(), mapper);
    }

    /** Starts noting problems for the body read on this thread. */
    static void begin() {
        CURRENT.set(new Reading());
    }

    /** The problems noted since {@link #begin()}, and stops noting. */
    static List<FieldProblem> end() {
        Reading reading = CURRENT.get();
        CURRENT.remove();
        return reading == null ? List.of() : reading.problems;
    }

    private static boolean reading() {
        return CURRENT.get() != null;
    }

    /**
     * Notes a problem; past what a 400 lists, one more is kept to show that some were left off, and
     * the rest are dropped so that a body of a million unknown fields costs no more than a hundred.
     * A path is cut at 200 characters: an unknown field's name is the client's, up to 50,000 long.
     */
    private static void note(String field, String message) {
        List<FieldProblem> problems = CURRENT.get().problems;
        if (problems.size() <= Problems.MAX_LISTED) {
            String shown = field.length() > 200 ? field.substring(0, 200) + "…" : field;
            problems.add(new FieldProblem(shown.isEmpty() ? "body" : shown, message));
        }
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) throws IOException {
        if (!reading()) {
            return false;
        }
        String parent = path(p.getParsingContext().getParent() == null
                ? JsonPointer.empty() : p.getParsingContext().getParent().pathAsPointer());
        note(parent.isEmpty() ? propertyName : parent + "." + propertyName, "unknown field");
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                                         String failureMsg) {
        if (!reading()) {
            return NOT_HANDLED;
        }
        note(path(ctxt.getParser()), describe(targetType, valueToConvert));
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                                         String failureMsg) {
        if (!reading()) {
            return NOT_HANDLED;
        }
        note(path(ctxt.getParser()), describe(targetType, String.valueOf(valueToConvert)));
        return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                        String failureMsg) throws IOException {
        if (!reading()) {
            return NOT_HANDLED;
        }
        note(path(p), "must be " + expected(targetType));
        p.skipChildren();
        return null;
    }

    /** A text, a number or true/false where an object is expected, such as a petitioner. */
    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                                            ValueInstantiator valueInsta, JsonParser p, String msg)
            throws IOException {
        if (!reading()) {
            return NOT_HANDLED;
        }
        note(path(p), "must be " + expected(instClass));
        p.skipChildren();
        return null;
    }

    /**
     * The field at which the body read on this thread stopped for a reason no handler can note (a
     * string or a number over the parser's limits, too deep a nesting, a key given twice, an
     * out-of-range number the strict scalars did not see), or null when the JSON itself is
     * malformed. Call it before {@link #end()}.
     */
    static FieldProblem stoppedAt(Throwable failure) {
        JsonMappingException mapping = null;
        JsonProcessingException parsing = null;
        for (Throwable t = failure; t != null && parsing == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonMappingException m) {
                mapping = mapping == null ? m : mapping;
            } else if (t instanceof JsonProcessingException p) {
                parsing = p;
            }
        }
        Reading reading = CURRENT.get();
        JsonParser parser = parsing != null && parsing.getProcessor() instanceof JsonParser p ? p
                : reading == null ? null : reading.parser;
        // Where the parser stopped is the exact place; Jackson's own path may end at the enclosing value.
        String field = parsing != null && parser != null ? path(parser)
                : mapping != null ? path(mapping.getPath()) : "";
        if (parsing instanceof StreamConstraintsException constraint) {
            String message = overLimit(constraint, parser);
            if (message.startsWith("is nested")) {
                // The field the client wrote, not the thirty-odd levels below it.
                field = field.startsWith("[") ? "" : field.split("[.\\[]", 2)[0];
            } else if (message.startsWith("has a field name") && parser != null) {
                // The name was not read: the object it is in, not the field before it.
                JsonStreamContext object = parser.getParsingContext();
                field = object.getParent() == null ? "" : path(object.getParent().pathAsPointer());
            }
            return new FieldProblem(field.isEmpty() ? "body" : field, message);
        }
        field = field.isEmpty() ? "body" : field;
        if (parsing instanceof InputCoercionException) {
            return new FieldProblem(field, "is out of range");
        }
        if (parsing != null) {
            String message = parsing.getOriginalMessage();
            return message != null && message.startsWith("Duplicate field")
                    ? new FieldProblem(field, "is given more than once") : null;
        }
        if (mapping == null || mapping.getPath().isEmpty()) {
            return null;
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new FieldProblem(field, "must be " + expected(mismatch.getTargetType()));
        }
        return new FieldProblem(field, "is not a valid value");
    }

    /** Which of the parser's limits (JsonConfiguration) was passed, without repeating the value. */
    private static String overLimit(StreamConstraintsException e, JsonParser parser) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        StreamReadConstraints limits = parser == null ? StreamReadConstraints.defaults() : parser.streamReadConstraints();
        if (message.startsWith("String value length")) {
            return "is longer than " + limits.getMaxStringLength() + " characters";
        }
        if (message.startsWith("Number value length")) {
            return "has more than " + limits.getMaxNumberLength() + " digits";
        }
        if (message.startsWith("Document nesting depth")) {
            return "is nested deeper than " + limits.getMaxNestingDepth() + " levels";
        }
        if (message.startsWith("Name length")) {
            return "has a field name longer than " + limits.getMaxNameLength() + " characters";
        }
        return "is too long or nested too deeply";
    }

    static String describe(Class<?> targetType, String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        if (targetType.isEnum()) {
            String allowed = Arrays.stream(targetType.getEnumConstants())
                    .map(Object::toString)
                    .collect(Collectors.joining(", "));
            return "'" + shown + "' is not one of: " + allowed;
        }
        if (targetType == LocalDate.class) {
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
        if (type == LocalDate.class) {
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

    /** The same path from where Jackson stopped. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() == null) {
                out.append('[').append(reference.getIndex()).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(reference.getFieldName());
            }
        }
        return out.toString();
    }

    /** Wraps the deserializers of the scalar types request bodies use. */
    private static final class StrictScalars extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription beanDesc,
                                                      JsonDeserializer<?> deserializer) {
            // What the deserializer makes: Jackson describes Integer here as int.
            Class<?> type = deserializer.handledType();
            return type == String.class || type == Integer.class || type == Long.class || type == Boolean.class
                    || type == LocalDate.class ? new Strict(deserializer, type) : deserializer;
        }

        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                          BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
            return new Strict(deserializer, type.getRawClass());
        }
    }

    /**
     * Within a request body: text only from a JSON string, only such as {@link Text} allows, and stripped;
 * an enum's name only as it is written, with nothing around it; an integer only from a JSON integer in
     * range (a fraction or an out-of-range integer is noted and the read goes on); true/false only
     * from true/false or their text; a date only from text (not a number of days since 1970).
     * Anything else goes to the wrapped deserializer, unchanged.
     */
    private static final class Strict extends DelegatingDeserializer {

        private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

        private final Class<?> type;

        Strict(JsonDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Strict(newDelegatee, type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!reading()) {
                return _delegatee.deserialize(p, ctxt);
            }
            JsonToken token = p.currentToken();
            if (type == String.class) {
                if (token != JsonToken.VALUE_STRING) {
                    return unexpected(p, ctxt);
                }
                String text = (String) _delegatee.deserialize(p, ctxt);
                String problem = Text.problemInBody(text);
                if (problem != null) {
                    note(path(p), problem);
                    return null;
                }
                // Spaces around a value are not part of it.
                return text.strip();
            }
            if (type == Integer.class || type == Long.class) {
                if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                    note(path(p), "must be an integer");
                    return null;
                }
                if (token == JsonToken.VALUE_NUMBER_INT) {
                    JsonParser.NumberType number = p.getNumberType();
                    if (number == JsonParser.NumberType.BIG_INTEGER
                            || (type == Integer.class && number != JsonParser.NumberType.INT)) {
                        note(path(p), "is out of range");
                        return null;
                    }
                    return _delegatee.deserialize(p, ctxt);
                }
                return token == JsonToken.VALUE_STRING ? _delegatee.deserialize(p, ctxt) : unexpected(p, ctxt);
            }
            if (type == Boolean.class) {
                return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE
                        || token == JsonToken.VALUE_STRING ? _delegatee.deserialize(p, ctxt) : unexpected(p, ctxt);
            }
            if (type.isEnum()) {
                // Jackson would read "POST " as POST.
                if (token == JsonToken.VALUE_STRING && !p.getText().equals(p.getText().strip())) {
                    note(path(p), describe(type, p.getText()));
                    return null;
                }
                return _delegatee.deserialize(p, ctxt);
            }
            // A date: exactly yyyy-MM-dd, not a date-time nor a date with anything around it.
            if (token != JsonToken.VALUE_STRING) {
                return unexpected(p, ctxt);
            }
            if (!ISO_DATE.matcher(p.getText()).matches()) {
                note(path(p), describe(LocalDate.class, p.getText()));
                return null;
            }
            return _delegatee.deserialize(p, ctxt);
        }

        private Object unexpected(JsonParser p, DeserializationContext ctxt) throws IOException {
            return ctxt.handleUnexpectedToken(type, p);
        }
    }

    /** Parsers that, while a body is read on this thread, are known to that read. */
    private static final class Parsers extends MappingJsonFactory {

        Parsers(JsonFactory source, ObjectMapper mapper) {
            super(source, mapper);
        }

        @Override
        public JsonFactory copy() {
            return new Parsers(this, (ObjectMapper) getCodec());
        }

        @Override
        protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
            return known(super._createParser(in, ctxt));
        }

        @Override
        protected JsonParser _createParser(Reader r, IOContext ctxt) throws IOException {
            return known(super._createParser(r, ctxt));
        }

        @Override
        protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
            return known(super._createParser(data, offset, len, ctxt));
        }

        private static JsonParser known(JsonParser parser) {
            Reading reading = CURRENT.get();
            if (reading != null) {
                reading.parser = parser;
            }
            return parser;
        }
    }
}
