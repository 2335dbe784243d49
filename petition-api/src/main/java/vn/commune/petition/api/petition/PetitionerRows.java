package vn.commune.petition.api.petition;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The petitioners of a page form: a fixed number of rows ({@link #ROWS}), of which the ones left
 * blank are no petitioner (all blank: an anonymous letter). A form shows every row; the request
 * gets the filled ones, and an error on the request's n-th petitioner goes back to its row.
 */
public final class PetitionerRows {

    /** The rows a form offers: the first shown, the others revealed one by one (pages.js) or all without JavaScript. */
    public static final int ROWS = 3;

    private PetitionerRows() {
    }

    /** The rows as typed, completed with blank ones up to {@link #ROWS}, so a form always has each of them. */
    public static List<PetitionerRequest> padded(List<PetitionerRequest> rows) {
        List<PetitionerRequest> padded = new ArrayList<>();
        if (rows != null) {
            rows.stream().map(row -> row == null ? blank() : row).forEach(padded::add);
        }
        while (padded.size() < ROWS) {
            padded.add(blank());
        }
        return List.copyOf(padded);
    }

    /** The petitioners of the filled rows, an optional field left empty being absent (null). */
    public static List<PetitionerRequest> filled(List<PetitionerRequest> rows) {
        return rows.stream().filter(row -> !isBlank(row))
                .map(row -> new PetitionerRequest(row.fullName(), row.address(), orNull(row.idNumber()),
                        orNull(row.phone())))
                .toList();
    }

    /**
     * Renames a request's field to the form's: {@code petitioners[0].fullName} of the request is
     * the first filled row's, which is {@code petitioners[2].fullName} if the first two were blank.
     */
    public static UnaryOperator<String> fieldsOf(List<PetitionerRequest> rows) {
        return renumbered("petitioners", rows, PetitionerRows::isBlank);
    }

    /**
     * Renames a request's field to the form's for a list {@code name} of which the form sends every row
     * and the request gets the rows that are not {@code blank}.
     */
    static <T> UnaryOperator<String> renumbered(String name, List<T> rows, Predicate<T> blank) {
        List<Integer> filled = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!blank.test(rows.get(i))) {
                filled.add(i);
            }
        }
        Pattern index = Pattern.compile("^" + Pattern.quote(name) + "\\[(\\d+)]");
        return field -> {
            Matcher matcher = index.matcher(field);
            if (!matcher.find()) {
                return field;
            }
            int at = Integer.parseInt(matcher.group(1));
            return at < filled.size() ? matcher.replaceFirst(name + "[" + filled.get(at) + "]") : field;
        };
    }

    /** An empty text is no value. */
    public static String orNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static PetitionerRequest blank() {
        return new PetitionerRequest("", "", "", "");
    }

    private static boolean isBlank(PetitionerRequest row) {
        return orNull(row.fullName()) == null && orNull(row.address()) == null && orNull(row.idNumber()) == null
                && orNull(row.phone()) == null;
    }
}
