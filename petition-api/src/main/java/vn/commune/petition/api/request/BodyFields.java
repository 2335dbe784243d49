package vn.commune.petition.api.request;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.commune.petition.api.problem.FieldProblem;
import vn.commune.petition.api.problem.Problems;

/**
 * The web's ObjectMapper reads the fields of a request body as JSON typed them: text only from a
 * string, and only such as {@link Text} allows, stripped (an empty one stays empty); an enum's name
 * only as written; an integer only from an integer in range; true or false only from true or false;
 * a date only from a string {@code yyyy-MM-dd}. A field that is not so, or is unknown, is noted in
 * the list that the read carries as its {@link #NOTED} attribute (see JsonBodies) and read as none,
 * so that the read goes on and the 400 lists every invalid field. A read without that list fails at
 * its first problem.
 */
public final class BodyFields extends SimpleModule {

    /** The key of a read's attribute holding the list that its problems are noted in. */
    static final Object NOTED = BodyFields.class;

    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    @SuppressWarnings({"unchecked", "rawtypes"})
    public BodyFields() {
        super("body-fields");
        for (Class type : List.of(String.class, Integer.class, Boolean.class, LocalDate.class)) {
            addDeserializer(type, new AsTyped(type));
        }
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription beanDesc, JsonDeserializer<?> names) {
                return new NameAsWritten(names);
            }
        });
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializationProblemHandler(new Noting());
    }

    /** An enum's name as written: Jackson, finding no "POST ", would try it trimmed and read POST. */
    private static final class NameAsWritten extends DelegatingDeserializer {

        NameAsWritten(JsonDeserializer<?> names) {
            super(names);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> names) {
            return new NameAsWritten(names);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING) && !p.getText().equals(p.getText().trim())) {
                return ctxt.handleWeirdStringValue(handledType(), p.getText(), "not a name as written");
            }
            return _delegatee.deserialize(p, ctxt);
        }
    }

    /** A scalar as JSON typed it; Jackson's coercions aside, since a coercion it refuses ends the read. */
    private static final class AsTyped extends StdScalarDeserializer<Object> {

        AsTyped(Class<?> type) {
            super(type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Class<?> type = handledType();
            if (type == String.class && p.hasToken(JsonToken.VALUE_STRING)) {
                String problem = Text.problemInBody(p.getText());
                if (problem != null) {
                    return ctxt.handleWeirdStringValue(type, p.getText(), problem);
                }
                return p.getText().strip();
            }
            if (type == LocalDate.class && p.hasToken(JsonToken.VALUE_STRING)) {
                try {
                    return ISO_DATE.matcher(p.getText()).matches() ? LocalDate.parse(p.getText())
                            : ctxt.handleWeirdStringValue(type, p.getText(), "not yyyy-MM-dd");
                } catch (DateTimeParseException e) {
                    return ctxt.handleWeirdStringValue(type, p.getText(), "no such day");
                }
            }
            if (type == Integer.class && p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                return p.getNumberType() == JsonParser.NumberType.INT ? p.getIntValue()
                        : ctxt.handleWeirdNumberValue(type, p.getNumberValue(), "out of range");
            }
            if (type == Boolean.class && p.currentToken().isBoolean()) {
                return p.getBooleanValue();
            }
            return ctxt.handleUnexpectedToken(type, p);
        }
    }

    /** Jackson's extension point for a value it cannot read: noted, and read as none. */
    private static final class Noting extends DeserializationProblemHandler {

        /**
         * Jackson replays a record's unknown fields from a buffer, whose path is not the record's: the
         * record's path is where the body's parser stands, inside the record or just past its end.
         */
        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                                             JsonDeserializer<?> deserializer, Object beanOrClass,
                                             String propertyName) throws IOException {
            JsonParser body = ctxt.getParser();
            JsonStreamContext at = body.getParsingContext();
            if (body.hasToken(JsonToken.START_OBJECT) || body.hasToken(JsonToken.START_ARRAY)) {
                at = at.getParent();
            }
            String record = path(body.hasToken(JsonToken.END_OBJECT) ? at : at.getParent());
            return note(ctxt, p, record.isEmpty() ? propertyName : record + "." + propertyName, "unknown field");
        }

        /** Text refused by {@link Text}, which says what is wrong; an unknown enum value; no such date. */
        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                                             String failureMsg) throws IOException {
            return note(ctxt, ctxt.getParser(), null, targetType == String.class ? failureMsg
                    : describe(targetType, valueToConvert)) ? null : NOT_HANDLED;
        }

        /** An enum's ordinal, or an integer out of range. */
        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                                             String failureMsg) throws IOException {
            return note(ctxt, ctxt.getParser(), null, targetType.isEnum()
                    ? describe(targetType, String.valueOf(valueToConvert)) : "is out of range") ? null : NOT_HANDLED;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t,
                                            JsonParser p, String failureMsg) throws IOException {
            return note(ctxt, p, null, "must be " + expected(targetType)) ? null : NOT_HANDLED;
        }

        /** A text, a number or true/false where an object is expected, such as a petitioner. */
        @Override
        public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                                                ValueInstantiator valueInsta, JsonParser p, String msg)
                throws IOException {
            return note(ctxt, p, null, "must be " + expected(instClass)) ? null : NOT_HANDLED;
        }

        /**
         * Notes a problem of the value the parser is at (of {@code field}, if given) and skips it, if the
         * read notes problems. Past what a 400 lists, one more shows that some were left off, and the
         * rest are dropped, so that a body of a million unknown fields costs no more than one of a hundred.
         */
        private static boolean note(DeserializationContext ctxt, JsonParser p, String field, String message)
                throws IOException {
            @SuppressWarnings("unchecked")
            List<FieldProblem> noted = (List<FieldProblem>) ctxt.getAttribute(NOTED);
            if (noted == null) {
                return false;
            }
            if (noted.size() <= Problems.MAX_LISTED) {
                noted.add(new FieldProblem(field != null ? field : field(p.getParsingContext()), message));
            }
            p.skipChildren();
            return true;
        }
    }

    /** What a query parameter or a body field was given that its type has no such value for. */
    static String describe(Class<?> type, String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        if (type.isEnum()) {
            return "'" + shown + "' is not one of: " + Arrays.stream(type.getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "'" + shown + "' is not a valid date (yyyy-MM-dd)";
        }
        return "'" + shown + "' is not " + expected(type);
    }

    static String expected(JavaType type) {
        return type.isCollectionLikeType() || type.isArrayType() ? "an array" : expected(type.getRawClass());
    }

    static String expected(Class<?> type) {
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

    /** The field a parser is at, as the client wrote it ({@code petitioners[0].fullName}), or the body. */
    static String field(JsonStreamContext context) {
        String path = path(context);
        return path.isEmpty() ? "body" : path;
    }

    private static String path(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        String parent = path(context.getParent());
        if (!context.hasPathSegment()) {
            return parent;
        }
        if (context.inArray()) {
            return parent + "[" + context.getCurrentIndex() + "]";
        }
        return parent.isEmpty() ? context.getCurrentName() : parent + "." + context.getCurrentName();
    }
}
