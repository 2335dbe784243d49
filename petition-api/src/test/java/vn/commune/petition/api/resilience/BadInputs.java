package vn.commune.petition.api.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import vn.commune.petition.api.resilience.Endpoints.Template;

/**
 * Where one bad value goes in an otherwise valid request (a body field, a CSV cell, a query
 * parameter, a path variable, a header, the method or the path itself) and the bad values for each
 * place. A value is either refused outright (only a 4xx will do) or may be stored, faithfully.
 */
final class BadInputs {

    private BadInputs() {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the service may do with a value. */
    enum Verdict {
        /** Only a 4xx will do: the value has no faithful reading. */
        REFUSE,
        /** A 4xx, or a 2xx that stores exactly what was sent. */
        REFUSE_OR_STORE
    }

    /** How a value changes its place. */
    enum Op {
        /** The place gets the raw bytes. */
        REPLACE,
        /** The field, parameter or header is left out. */
        REMOVE,
        /** The key or parameter is given twice. */
        DUPLICATE
    }

    /** One bad value: a label for reports, its raw bytes where it goes, and what the service may do. */
    record Bad(String label, byte[] raw, Verdict verdict, Op op) {

        static Bad refuse(String label, String raw) {
            return new Bad(label, raw.getBytes(StandardCharsets.UTF_8), Verdict.REFUSE, Op.REPLACE);
        }

        static Bad refuse(String label, byte[] raw) {
            return new Bad(label, raw, Verdict.REFUSE, Op.REPLACE);
        }

        static Bad either(String label, String raw) {
            return new Bad(label, raw.getBytes(StandardCharsets.UTF_8), Verdict.REFUSE_OR_STORE, Op.REPLACE);
        }

        static Bad either(String label, byte[] raw) {
            return new Bad(label, raw, Verdict.REFUSE_OR_STORE, Op.REPLACE);
        }

        String text() {
            return new String(raw, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A place in a request. */
    sealed interface Position {
    }

    /** The request as the template has it. */
    record AsIs() implements Position {
        @Override
        public String toString() {
            return "as is";
        }
    }

    /** The whole body. */
    record Body() implements Position {
        @Override
        public String toString() {
            return "the body";
        }
    }

    /** A field of a JSON body, by its path as the service names it ({@code petitioners[0].fullName}). */
    record BodyField(String path, Kind kind) implements Position {
        @Override
        public String toString() {
            return "body field " + path;
        }
    }

    /** A cell of the CSV's data line, by its column's name. */
    record CsvCell(int column, String name, Kind kind) implements Position {
        @Override
        public String toString() {
            return "CSV cell " + name;
        }
    }

    /** A query parameter. */
    record Query(String name, Kind kind) implements Position {
        @Override
        public String toString() {
            return "query parameter " + name;
        }
    }

    /** A path variable. */
    record PathVariable(String name) implements Position {
        @Override
        public String toString() {
            return "path variable {" + name + "}";
        }
    }

    /** A header. */
    record Header(String name) implements Position {
        @Override
        public String toString() {
            return "header " + name;
        }
    }

    /** The method. */
    record Method() implements Position {
        @Override
        public String toString() {
            return "the method";
        }
    }

    /** The path's own characters (slashes, dots, parameters of a segment). */
    record Path() implements Position {
        @Override
        public String toString() {
            return "the path";
        }
    }

    /** What a value is, told from the template's valid value. */
    enum Kind { TEXT, DATE, INSTANT, ENUM, INTEGER, BOOLEAN, ARRAY, OBJECT, ID }

    static Kind kindOf(String name, JsonNode value) {
        if (value.isArray()) {
            return Kind.ARRAY;
        }
        if (value.isObject()) {
            return Kind.OBJECT;
        }
        if (value.isBoolean()) {
            return Kind.BOOLEAN;
        }
        if (value.isIntegralNumber()) {
            return Kind.INTEGER;
        }
        return kindOf(name, value.asText());
    }

    static Kind kindOf(String name, String value) {
        if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return Kind.DATE;
        }
        if (value.equals("${now}")) {
            return Kind.INSTANT;
        }
        if (value.matches("-?\\d+")) {
            return Kind.INTEGER;
        }
        if (value.equals("${session}") || name.equals("sessionId")) {
            return Kind.ID;
        }
        if (value.matches("[A-Z_]+")) {
            return Kind.ENUM;
        }
        return Kind.TEXT;
    }

    /** Every place of a template where a bad value can go. */
    static List<Position> positions(Template template) {
        List<Position> positions = new ArrayList<>();
        positions.add(new AsIs());
        if (template.json()) {
            positions.add(new Body());
            try {
                fields("", JSON.readTree(template.body()), positions);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (template.body() != null) {
            positions.add(new Body());
            String[] header = template.body().lines().findFirst().orElseThrow().split(",");
            String[] cells = template.body().lines().skip(1).findFirst().orElseThrow().split(",", -1);
            for (int i = 0; i < header.length; i++) {
                positions.add(new CsvCell(i, header[i], kindOf(header[i], cells[i])));
            }
        }
        template.query().forEach((name, value) -> positions.add(new Query(name, kindOf(name, value))));
        java.util.regex.Matcher variables = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(template.pattern());
        while (variables.find()) {
            positions.add(new PathVariable(variables.group(1)));
        }
        for (String header : template.headers().keySet()) {
            positions.add(new Header(header));
        }
        for (String header : List.of("Accept", "Accept-Language", "Authorization", "X-Filler")) {
            // A public route answers the same without credentials: no wrong Authorization for it to refuse.
            boolean open = header.equals("Authorization") && Endpoints.PUBLIC.contains(template.pattern());
            if (!template.headers().containsKey(header) && !open) {
                positions.add(new Header(header));
            }
        }
        if (template.body() != null) {
            positions.add(new Header("Content-Type"));
        }
        positions.add(new Method());
        positions.add(new Path());
        return positions;
    }

    private static void fields(String prefix, JsonNode node, List<Position> positions) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix + field.getKey();
            positions.add(new BodyField(path, kindOf(field.getKey(), field.getValue())));
            if (field.getValue().isObject()) {
                fields(path + ".", field.getValue(), positions);
            } else if (field.getValue().isArray() && field.getValue().size() > 0) {
                positions.add(new BodyField(path + "[0]", Kind.OBJECT));
                fields(path + "[0].", field.getValue().get(0), positions);
            }
        }
    }

    /**
     * The kind of a place: the bad values that fit one place fit every place of its kind
     * ({@code body TEXT}, {@code query DATE}, {@code header If-Match}, ...).
     */
    static List<String> placeKinds(Template template, Position position) {
        if (position instanceof Body) {
            return List.of(template.json() ? "the JSON body" : "the CSV body");
        }
        if (position instanceof BodyField field) {
            return List.of("body " + field.kind(), "any body field" + (field.path().endsWith("]") ? " in a list" : ""));
        }
        if (position instanceof CsvCell cell) {
            return List.of("CSV " + cell.kind());
        }
        if (position instanceof Query query) {
            return List.of("query " + query.kind(), "any query parameter");
        }
        if (position instanceof PathVariable) {
            return List.of("path variable");
        }
        if (position instanceof Header header) {
            return List.of("header " + header.name() + (header.name().equals("Content-Type")
                    ? template.json() ? " of JSON" : " of CSV" : ""));
        }
        if (position instanceof Method) {
            return List.of("the method");
        }
        if (position instanceof Path) {
            return List.of("the path");
        }
        return List.of("as is");
    }

    /** The bad values for one kind of place. */
    static List<Bad> values(String placeKind) {
        return switch (placeKind) {
            case "as is" -> List.of(Bad.either("the valid request", ""));
            case "the JSON body" -> jsonBodies();
            case "the CSV body" -> csvBodies();
            case "any body field" -> List.of(new Bad("left out", new byte[0], Verdict.REFUSE_OR_STORE, Op.REMOVE),
                    new Bad("its key given twice", new byte[0], Verdict.REFUSE, Op.DUPLICATE));
            case "any body field in a list" -> List.of();
            case "any query parameter" -> anyQuery();
            case "path variable" -> pathVariables();
            case "the method" -> methods();
            case "the path" -> paths();
            default -> {
                String[] parts = placeKind.split(" ", 2);
                yield switch (parts[0]) {
                    case "body" -> json(Kind.valueOf(parts[1]));
                    case "CSV" -> csv(Kind.valueOf(parts[1]));
                    case "query" -> query(Kind.valueOf(parts[1]));
                    case "header" -> header(parts[1]);
                    default -> throw new IllegalArgumentException(placeKind);
                };
            }
        };
    }

    /** One bad value for one kind of place. */
    record Entry(String placeKind, Bad value) {
        @Override
        public String toString() {
            return placeKind + ": " + value;
        }
    }

    /** Every bad value of every kind of place that some template has, each once. */
    static List<Entry> catalogue(List<Template> templates) {
        List<Entry> entries = new ArrayList<>();
        places(templates).keySet().forEach(kind -> values(kind).forEach(value -> entries.add(new Entry(kind, value))));
        return entries;
    }

    /** A place in a template. */
    record Place(Template template, Position position) {
    }

    /** The places of each kind, over every template. */
    static Map<String, List<Place>> places(List<Template> templates) {
        Map<String, List<Place>> places = new java.util.TreeMap<>();
        for (Template template : templates) {
            for (Position position : positions(template)) {
                for (String kind : placeKinds(template, position)) {
                    places.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Place(template, position));
                }
            }
        }
        return places;
    }

    // ---- text: the corpus every text place draws from ----------------------------------------

    /** A text with a label; sent as JSON with only controls and lone surrogates escaped. */
    private record Text(String label, String value) {
    }

    private static final List<Text> TEXTS = List.of(
            new Text("a lone high surrogate \\ud800", "Nguyễn \ud800"),
            new Text("a lone low surrogate \\udc00", "\udc00 Văn"),
            new Text("surrogates in reverse order", "\udc00\ud800"),
            new Text("NUL \\u0000 in text", "Khu\u00003"),
            new Text("a control character \\u0001", "Khu \u0001 3"),
            new Text("an ANSI escape sequence", "\u001b[31mĐỏ\u001b[0m"),
            new Text("DEL \\u007f", "Khu\u007f3"),
            new Text("a C1 control \\u009b", "Khu\u009b3"),
            new Text("only an em space \\u2003", "\u2003"),
            new Text("only no-break spaces", "\u00a0\u00a0"),
            new Text("only ideographic and figure spaces", "\u3000\u2007\u202f"),
            new Text("only a line separator \\u2028", "\u2028"),
            new Text("only NEL \\u0085", "\u0085"),
            new Text("only tab, CR and LF", "\t\r\n"),
            new Text("only a zero-width space", "\u200b"),
            new Text("only a byte-order mark", "\ufeff"),
            new Text("noncharacters \\uffff \\ufdd0", "A\uffff\ufdd0"),
            new Text("the replacement character", "\ufffd"),
            new Text("Vietnamese in decomposed form (NFD)", "Nguye\u0302\u0303n Va\u0306n"),
            new Text("emoji with a skin tone (astral)", "Đồng ý 👍🏽"),
            new Text("a right-to-left override", "\u202eabc"),
            new Text("private use", "\ue000"),
            new Text("SQL", "'; DROP TABLE domainevententry; --"),
            new Text("a script tag", "<script>alert(1)</script>"),
            new Text("a JNDI lookup", "${jndi:ldap://127.0.0.1/a}"),
            new Text("format specifiers", "%s%n%x%d"),
            new Text("quotes and backslashes", "\"'\\\\\""),
            new Text("spaces around", "  Khu 3  "),
            new Text("two lines", "Dòng 1\nDòng 2"),
            new Text("200 characters", "a".repeat(200)),
            new Text("201 characters", "a".repeat(201)),
            new Text("4,000 Vietnamese characters", "ằ".repeat(4000)),
            new Text("4,001 characters", "x".repeat(4001)),
            new Text("100,001 characters", "x".repeat(100_001)));

    /** Bytes that are not UTF-8, for the middle of a text. */
    private static final List<Bad> NOT_UTF8 = List.of(
            Bad.refuse("an overlong '/' (C0 AF)", hex("c0af")),
            Bad.refuse("an overlong NUL (C0 80)", hex("c080")),
            Bad.refuse("a three-byte overlong '/' (E0 80 AF)", hex("e080af")),
            Bad.refuse("a four-byte overlong '/' (F0 80 80 AF)", hex("f08080af")),
            Bad.refuse("a surrogate encoded as UTF-8 (ED A0 80)", hex("eda080")),
            Bad.refuse("the byte FF", hex("ff")),
            Bad.refuse("a lone continuation byte (80)", hex("80")),
            Bad.refuse("a truncated sequence (E1 80)", hex("e180")),
            Bad.refuse("Latin-1 'ấ' is not UTF-8 (E2 without continuation)", hex("41e241")));

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** JSON string literal, escaping only quotes, backslashes, controls and lone surrogates. */
    static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || (Character.isSurrogate(c) && !paired)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static byte[] inString(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("\"Khu ".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(" 3\"".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static List<Bad> jsonTexts() {
        List<Bad> values = new ArrayList<>();
        for (Text text : TEXTS) {
            values.add(Bad.either(text.label(), jsonString(text.value())));
        }
        for (Bad bytes : NOT_UTF8) {
            values.add(Bad.refuse(bytes.label(), inString(bytes.raw())));
        }
        values.add(Bad.refuse("a raw NUL byte inside a JSON string", inString(new byte[] {0})));
        values.add(Bad.refuse("a raw tab inside a JSON string", inString(new byte[] {9})));
        values.add(Bad.either("escaped ASCII \\u0041", "\"\\u0041\\u0042\""));
        values.add(Bad.either("null", "null"));
        values.add(Bad.refuse("a number", "42"));
        values.add(Bad.refuse("a fraction", "1.5"));
        values.add(Bad.refuse("true", "true"));
        values.add(Bad.refuse("an object", "{}"));
        values.add(Bad.refuse("an array", "[\"x\"]"));
        return values;
    }

    private static List<Bad> json(Kind kind) {
        return switch (kind) {
            case TEXT -> jsonTexts();
            case DATE -> List.of(
                    Bad.refuse("February 30th", "\"2024-02-30\""),
                    Bad.refuse("month 13", "\"2024-13-01\""),
                    Bad.refuse("a date without leading zeros", "\"2024-3-5\""),
                    Bad.refuse("a Vietnamese-style date", "\"05/03/2024\""),
                    Bad.refuse("a date and time", "\"2024-03-05T00:00:00\""),
                    Bad.refuse("an empty date", "\"\""),
                    Bad.refuse("a date with a space after it", "\"2024-03-05 \""),
                    Bad.refuse("a date as a number", "20240305"),
                    Bad.refuse("a date as an array", "[2024,3,5]"),
                    Bad.refuse("NUL in a date", "\"2024-03-05\\u0000\""),
                    Bad.either("the year 9999", "\"9999-12-31\""),
                    Bad.either("near LocalDate.MAX", "\"+999999999-12-31\""),
                    Bad.either("LocalDate.MIN", "\"-999999999-01-01\""),
                    Bad.either("the year 10000", "\"+10000-01-01\""),
                    Bad.either("the year 0", "\"0000-01-01\""),
                    Bad.either("the year -1", "\"-0001-12-31\""),
                    Bad.either("1999, before the service's years", "\"1999-12-31\""),
                    Bad.either("1900", "\"1900-01-01\""),
                    Bad.either("null", "null"));
            case ENUM -> List.of(
                    Bad.refuse("an unknown value", "\"FAX\""),
                    Bad.refuse("a value in lower case", "\"post\""),
                    Bad.refuse("a known value with a space after it", "\"POST \""),
                    Bad.refuse("a known value in full-width letters", "\"ＰＯＳＴ\""),
                    Bad.refuse("an empty value", "\"\""),
                    Bad.refuse("an ordinal", "0"),
                    Bad.refuse("NUL", "\"\\u0000\""),
                    Bad.refuse("true", "true"),
                    Bad.either("null", "null"));
            case INTEGER -> List.of(
                    Bad.refuse("a fraction", "1.5"),
                    Bad.refuse("a number in quotes", "\"10\""),
                    Bad.refuse("true", "true"),
                    Bad.refuse("zero", "0"),
                    Bad.refuse("minus one", "-1"),
                    Bad.refuse("2^31", "2147483648"),
                    Bad.refuse("2^63", "9223372036854775808"),
                    Bad.refuse("a huge integer", "9".repeat(30)),
                    Bad.refuse("1e400", "1e400"),
                    Bad.refuse("a leading zero", "010"),
                    Bad.refuse("NaN", "NaN"),
                    Bad.refuse("an array", "[1]"),
                    Bad.either("an integral fraction 2.0", "2.0"),
                    Bad.either("an exponent 2e0", "2e0"),
                    Bad.either("null", "null"));
            case BOOLEAN -> List.of(
                    Bad.refuse("true in quotes", "\"true\""),
                    Bad.refuse("one", "1"),
                    Bad.refuse("zero", "0"),
                    Bad.refuse("yes", "\"yes\""),
                    Bad.refuse("TRUE", "TRUE"),
                    Bad.refuse("an array", "[true]"),
                    Bad.either("null", "null"));
            case ARRAY -> List.of(
                    Bad.refuse("an object", "{}"),
                    Bad.refuse("a string", "\"Nguyễn Văn An\""),
                    Bad.refuse("a null element", "[null]"),
                    Bad.refuse("a nested array", "[[]]"),
                    Bad.refuse("a number element", "[1]"),
                    Bad.refuse("51 elements", "[" + String.join(",", java.util.Collections.nCopies(51,
                            "{\"fullName\":\"A\",\"address\":\"B\"}")) + "]"),
                    Bad.either("an empty array", "[]"),
                    Bad.either("null", "null"));
            case OBJECT -> List.of(
                    Bad.refuse("an array", "[]"),
                    Bad.refuse("a string", "\"x\""),
                    Bad.refuse("a number", "1"),
                    Bad.refuse("an empty object", "{}"),
                    Bad.refuse("33 nested objects", "{\"a\":".repeat(33) + "1" + "}".repeat(33)),
                    Bad.either("null", "null"));
            case ID -> List.of(
                    Bad.refuse("not an id", "\"not-an-id\""),
                    Bad.refuse("an empty id", "\"\""),
                    Bad.refuse("a number", "42"),
                    Bad.refuse("an id with NUL", "\"00000000-0000-0000-0000-00000000000\\u0000\""),
                    Bad.either("an id nobody has", "\"00000000-0000-0000-0000-000000000000\""),
                    Bad.either("null", "null"));
            case INSTANT -> throw new IllegalStateException("no instant in a body");
        };
    }

    /** Whole JSON bodies; {@code %BODY%} stands for the valid body. */
    private static List<Bad> jsonBodies() {
        return List.of(
                Bad.refuse("an empty body", ""),
                Bad.refuse("null", "null"),
                Bad.refuse("an array", "[%BODY%]"),
                Bad.refuse("trailing garbage", "%BODY% x"),
                Bad.refuse("a second object", "%BODY%{}"),
                Bad.refuse("an unknown field", "{\"unknownField\":1,%INNER%"),
                Bad.refuse("an unknown field nested 33 deep", "{\"unknownField\":" + "[".repeat(33) + "]".repeat(33)
                        + ",%INNER%"),
                Bad.either("a byte-order mark before it", "\ufeff%BODY%"),
                Bad.either("spaces and newlines around it", " \n %BODY% \n "),
                Bad.either("encoded as UTF-16", "%UTF16%"));
    }

    private static List<Bad> csvBodies() {
        return List.of(
                Bad.refuse("an empty body", ""),
                Bad.either("only the header line", "%HEADER%"),
                Bad.refuse("the header line twice", "%HEADER%\n%BODY%"),
                Bad.either("a byte-order mark before it", "\ufeff%BODY%"),
                Bad.either("CRLF line ends", "%CRLF%"),
                Bad.either("no newline at the end", "%TRIMMED%"));
    }

    private static List<Bad> csv(Kind kind) {
        List<Bad> values = new ArrayList<>();
        if (kind == Kind.DATE) {
            values.add(Bad.refuse("February 30th", "2024-02-30"));
            values.add(Bad.refuse("a Vietnamese-style date", "11/01/2024"));
            values.add(Bad.either("the year 9999", "9999-12-31"));
            values.add(Bad.either("near LocalDate.MAX", "+999999999-12-31"));
            values.add(Bad.either("LocalDate.MIN", "-999999999-01-01"));
            values.add(Bad.either("1999", "1999-12-31"));
            values.add(Bad.either("an empty cell", ""));
        } else if (kind == Kind.ENUM) {
            values.add(Bad.refuse("an unknown channel", "FAX"));
            values.add(Bad.refuse("NUL", "\u0000"));
        }
        if (kind != Kind.TEXT) {
            return values;
        }
        for (Text text : TEXTS) {
            // A CSV cell holds no line break, and no lone surrogate has UTF-8 bytes.
            if (!hasLoneSurrogate(text.value()) && text.value().chars().noneMatch(c -> c == '\n' || c == '\r')
                    && text.value().length() < 5000) {
                values.add(Bad.either(text.label(), text.value()));
            }
        }
        for (Bad bytes : NOT_UTF8) {
            values.add(Bad.refuse(bytes.label(), inCell(bytes.raw())));
        }
        values.add(Bad.either("a quoted cell with a comma", "\"Chứng thực, sao y\""));
        return values;
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] inCell(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Chứng ".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(" thực".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    // ---- the URL ------------------------------------------------------------------------------

    private static List<Bad> query(Kind kind) {
        return switch (kind) {
            case DATE -> List.of(
                    Bad.refuse("February 30th", "2024-02-30"),
                    Bad.refuse("a word", "yesterday"),
                    Bad.refuse("a date and time", "2024-03-05T00:00:00Z"),
                    Bad.refuse("NUL after a date", "2024-03-05%00"),
                    Bad.either("the year 9999", "9999-12-31"),
                    Bad.either("near LocalDate.MAX", "%2B999999999-12-31"),
                    Bad.either("LocalDate.MIN", "-999999999-01-01"),
                    Bad.either("the year 100000", "%2B99999-12-31"),
                    Bad.either("the year 0", "0000-01-01"),
                    Bad.either("1999, before the service's years", "1999-12-31"),
                    Bad.either("1900", "1900-01-01"));
            case INSTANT -> List.of(
                    Bad.refuse("a date without a time", "2024-03-05"),
                    Bad.refuse("hour 25", "2024-03-05T25:00:00Z"),
                    Bad.refuse("a word", "now"),
                    Bad.either("Instant.MAX", "%2B1000000000-12-31T23:59:59.999999999Z"),
                    Bad.either("Instant.MIN", "-1000000000-01-01T00:00:00Z"),
                    Bad.either("the year 9999", "9999-12-31T23:59:59Z"),
                    Bad.either("the epoch", "1970-01-01T00:00:00Z"),
                    Bad.either("a time with an offset", "2024-03-05T10:00:00%2B07:00"));
            case INTEGER -> List.of(
                    Bad.refuse("a fraction", "1.5"),
                    Bad.refuse("a word", "abc"),
                    Bad.refuse("hexadecimal", "0x10"),
                    Bad.refuse("an exponent", "1e3"),
                    Bad.refuse("2^63", "9223372036854775808"),
                    Bad.refuse("a huge integer", "9".repeat(30)),
                    Bad.either("2^31", "2147483648"),
                    Bad.either("minus one", "-1"),
                    Bad.either("zero", "0"),
                    Bad.either("a large integer", "99999"),
                    Bad.either("a space before it", "%201"));
            case ENUM -> List.of(
                    Bad.refuse("an unknown value", "FOO"),
                    Bad.refuse("NUL after a value", "RECEIVED%00"),
                    Bad.either("a value in lower case", "received"));
            default -> List.of(
                    Bad.refuse("an unknown value", "FOO"),
                    Bad.refuse("an upper-case value", "JSON"),
                    Bad.either("a percent-encoded Vietnamese word", "ti%E1%BA%BFng"));
        };
    }

    /** Values that are wrong for any query parameter. */
    private static List<Bad> anyQuery() {
        return List.of(
                Bad.either("empty", ""),
                Bad.either("NUL", "%00"),
                Bad.either("a percent-encoded invalid UTF-8 byte", "%FF"),
                Bad.either("an overlong '/' percent-encoded", "%C0%AF"),
                Bad.either("a broken percent-escape", "a%zz"),
                Bad.either("a raw space", "a b"),
                Bad.either("a raw non-ASCII byte", new byte[] {'a', (byte) 0xe1, 'b'}),
                Bad.either("9,000 characters", "9".repeat(9000)),
                new Bad("left out", new byte[0], Verdict.REFUSE_OR_STORE, Op.REMOVE),
                new Bad("given twice", new byte[0], Verdict.REFUSE_OR_STORE, Op.DUPLICATE));
    }

    private static List<Bad> pathVariables() {
        return List.of(
                Bad.refuse("an id nobody has", "00000000-0000-0000-0000-000000000000"),
                Bad.refuse("not an id", "not-an-id"),
                Bad.refuse("empty", ""),
                Bad.refuse("an encoded slash %2f", "a%2fb"),
                Bad.refuse("an encoded slash %2F alone", "%2F"),
                Bad.refuse("two dots", ".."),
                Bad.refuse("encoded dots %2e%2e", "%2e%2e"),
                Bad.refuse("a matrix parameter ;x=1", "x;y=1"),
                Bad.refuse("an encoded semicolon", "x%3By"),
                Bad.refuse("NUL", "%00"),
                Bad.refuse("a broken percent-escape", "%zz"),
                Bad.refuse("a percent-encoded invalid UTF-8 byte", "%ff"),
                Bad.refuse("an overlong '/' percent-encoded", "%c0%af"),
                Bad.refuse("a zero-width space", "%e2%80%8b"),
                Bad.refuse("an encoded backslash", "%5c"),
                Bad.refuse("an encoded percent", "%25"),
                Bad.refuse("a raw backslash", "a\\b"),
                Bad.refuse("a raw non-ASCII byte", new byte[] {'a', (byte) 0xe1, 'b'}),
                Bad.refuse("5,000 digits", "9".repeat(5000)),
                Bad.refuse("minus one", "-1"),
                Bad.refuse("2^63", "9223372036854775808"),
                Bad.refuse("a fraction", "1.5"),
                Bad.refuse("a space", "%20"),
                Bad.either("the valid value in upper case", "%UPPER%"),
                Bad.either("the valid value with a leading zero", "0%VALUE%"));
    }

    private static List<Bad> methods() {
        // HEAD and GET may have endpoints of their own at the same path: they must only not write.
        return List.of(
                Bad.refuse("PUT", "PUT"), Bad.refuse("DELETE", "DELETE"), Bad.refuse("PATCH", "PATCH"),
                Bad.refuse("TRACE", "TRACE"), Bad.refuse("an unknown method", "FOO"),
                Bad.refuse("the method in lower case", "%LOWER%"),
                Bad.either("OPTIONS", "OPTIONS"), Bad.either("HEAD", "HEAD"), Bad.either("GET", "GET"));
    }

    /** Changes to the path itself; {@code %PATH%} is the valid path. */
    private static List<Bad> paths() {
        return List.of(
                Bad.refuse("a double slash", "%DOUBLE%"),
                Bad.refuse("a trailing slash", "%PATH%/"),
                Bad.refuse("a matrix parameter on the last segment", "%PATH%;jsessionid=x"),
                Bad.refuse("an encoded slash for the last slash", "%ENCODED%"),
                Bad.refuse("a dot segment", "%DOT%"),
                Bad.refuse("a dot-dot segment", "%DOTDOT%"),
                Bad.refuse("upper case", "%UPPER%"),
                Bad.refuse("NUL at the end", "%PATH%%00"),
                Bad.refuse("a raw backslash", "%PATH%\\"),
                Bad.either("an absolute URI for a target", "%ABSOLUTE%"),
                Bad.either("a fragment", "%PATH%#x"),
                Bad.refuse("9,000 more characters", "%PATH%" + "a".repeat(9000)));
    }

    // ---- headers ------------------------------------------------------------------------------

    private static List<Bad> header(String name) {
        return switch (name) {
            case "Idempotency-Key" -> List.of(
                    Bad.either("a Vietnamese word in UTF-8", "khóa-ý"),
                    Bad.either("a zero-width space in UTF-8", "k\u200by"),
                    Bad.either("an emoji in UTF-8", "🔑"),
                    Bad.either("a Latin-1 byte", new byte[] {'k', (byte) 0xe9, 'y'}),
                    Bad.either("a control character", "k\u0001y"),
                    Bad.either("a tab inside", "k\ty"),
                    Bad.either("empty", ""),
                    Bad.either("201 characters", "k".repeat(201)),
                    Bad.either("10,000 characters", "k".repeat(10_000)),
                    new Bad("left out", new byte[0], Verdict.REFUSE_OR_STORE, Op.REMOVE),
                    new Bad("given twice", new byte[0], Verdict.REFUSE_OR_STORE, Op.DUPLICATE));
            case "If-Match" -> List.of(
                    Bad.refuse("a version the petition is not at", "\"99\""),
                    Bad.refuse("a negative version", "\"-1\""),
                    Bad.refuse("a version past Long.MAX_VALUE", "\"9223372036854775808\""),
                    Bad.refuse("the version as a weak tag", "W/\"%VERSION%\""),
                    Bad.refuse("an empty tag", "\"\""),
                    Bad.refuse("a word", "banana"),
                    Bad.refuse("the version with a leading zero (another tag)", "\"0%VERSION%\""),
                    Bad.refuse("a non-ASCII tag", "\"phiên bản\""),
                    Bad.either("*", "*"),
                    Bad.either("a list that holds the version", "\"99\", \"%VERSION%\""),
                    Bad.either("the version unquoted", "%VERSION%"),
                    Bad.either("empty", ""),
                    new Bad("left out", new byte[0], Verdict.REFUSE_OR_STORE, Op.REMOVE),
                    new Bad("given twice", new byte[0], Verdict.REFUSE_OR_STORE, Op.DUPLICATE));
            case "Content-Type of JSON" -> List.of(
                    Bad.refuse("text/plain", "text/plain"),
                    Bad.refuse("XML", "application/xml"),
                    Bad.refuse("a form", "application/x-www-form-urlencoded"),
                    Bad.refuse("multipart", "multipart/form-data; boundary=x"),
                    Bad.refuse("not a media type", "garbage"),
                    Bad.refuse("empty", ""),
                    Bad.refuse("an unknown charset", "application/json; charset=nope"),
                    Bad.either("JSON declared as ISO-8859-1 (RFC 8259: the charset has no effect)",
                            "application/json; charset=ISO-8859-1"),
                    Bad.either("JSON declared as windows-1258", "application/json; charset=windows-1258"),
                    Bad.either("JSON in upper case", "APPLICATION/JSON"),
                    Bad.either("a +json type", "application/merge-patch+json"),
                    new Bad("left out", new byte[0], Verdict.REFUSE, Op.REMOVE));
            case "Content-Type of CSV" -> List.of(
                    Bad.refuse("JSON", "application/json"),
                    Bad.refuse("not a media type", "garbage"),
                    Bad.refuse("empty", ""),
                    Bad.either("text/plain", "text/plain"),
                    Bad.either("CSV declared as ISO-8859-1", "text/csv; charset=ISO-8859-1"),
                    new Bad("left out", new byte[0], Verdict.REFUSE, Op.REMOVE));
            case "Accept" -> List.of(
                    Bad.either("not a media type", "garbage"),
                    Bad.either("XML", "application/xml"),
                    Bad.either("a broken quality", "application/json;q=abc"),
                    Bad.either("nothing acceptable", "*/*;q=0"),
                    Bad.either("HTML", "text/html"),
                    Bad.either("Problem Details only", "application/problem+json"),
                    Bad.either("empty", ""),
                    Bad.either("non-ASCII", "ứng dụng/json"),
                    Bad.either("9,000 characters", "a".repeat(9000)));
            case "Accept-Language" -> List.of(
                    Bad.either("a broken quality", "vi;q=abc"),
                    Bad.either("a Latin-1 byte", new byte[] {'v', (byte) 0xe9}),
                    Bad.either("Vietnamese", "vi-VN"),
                    Bad.either("9,000 characters", "v".repeat(9000)));
            case "Authorization" -> List.of(
                    Bad.refuse("not Base64", "Basic %%%"),
                    Bad.refuse("a bearer token", "Bearer abc"),
                    Bad.refuse("a wrong password", "Basic " + base64("officer:wrong")),
                    Bad.refuse("no colon", "Basic " + base64("officer")),
                    Bad.refuse("a Vietnamese user name", "Basic " + base64("người dùng:mật khẩu")),
                    Bad.refuse("NUL in the user name", "Basic " + base64("officer\u0000:officer")),
                    Bad.refuse("empty", ""),
                    Bad.refuse("10,000 characters", "Basic " + "A".repeat(10_000)),
                    new Bad("left out", new byte[0], Verdict.REFUSE, Op.REMOVE));
            case "X-Filler" -> List.of(
                    Bad.either("10,000 characters (over Tomcat's header limit)", "a".repeat(10_000)),
                    Bad.either("a control character", "a\u0001b"),
                    Bad.either("a Latin-1 byte", new byte[] {'a', (byte) 0xe9}),
                    Bad.either("UTF-8", "tiếng Việt"));
            default -> throw new IllegalArgumentException("no bad values for header " + name);
        };
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The valid value of a JSON body field, for a duplicate key. */
    static JsonNode at(ObjectNode body, String path) {
        JsonNode node = body;
        for (String part : path.split("\\.")) {
            if (part.endsWith("]")) {
                node = node.path(part.substring(0, part.indexOf('['))).path(0);
            } else {
                node = node.path(part);
            }
        }
        return node;
    }
}
