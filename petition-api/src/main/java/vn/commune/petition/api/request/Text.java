package vn.commune.petition.api.request;

/**
 * What text from outside may hold: well-formed Unicode (PostgreSQL stores UTF-8, which has no
 * unpaired surrogate), no control character but tab and, where lines are allowed, line breaks (nor
 * can it store a NUL), and something to read once every space and invisible formatting character is
 * taken away.
 */
public final class Text {

    private Text() {
    }

    /** What is wrong with a text field of a request body (line breaks allowed), or null. */
    public static String problemInBody(String value) {
        return problem(value, true);
    }

    /** What is wrong with a query parameter, a path variable or a header value (no line breaks), or null. */
    public static String problemInLine(String value) {
        return problem(value, false);
    }

    private static String problem(String value, boolean lines) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "is not well-formed Unicode (an unpaired surrogate)";
            } else if (Character.isISOControl(c) && c != '\t' && !(lines && (c == '\n' || c == '\r'))) {
                return "contains a control character";
            }
        }
        return !value.isEmpty() && blank(value) ? "must not be blank" : null;
    }

    /** Whether a text shows nothing: each of its characters a space of any kind or invisible (or none at all). */
    public static boolean blank(String value) {
        return value.chars().allMatch(c -> blank((char) c));
    }

    /** A space of any kind, or a character that shows nothing (zero-width space, joiners, BOM). */
    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT
                || Character.isISOControl(c);
    }
}
