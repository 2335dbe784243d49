package vn.commune.petition.api.petition;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The rows of the documents handed over in a form: a fixed number offered, the blank ones (no title
 * and no pages) dropped from the request, and an error on the request's n-th document sent back to
 * its row, as PetitionerRows does for the petitioners.
 */
public final class HandedOverRows {

    static final int ROWS = 3;

    private HandedOverRows() {
    }

    public static List<HandedOverRequest> padded(List<HandedOverRequest> rows) {
        List<HandedOverRequest> padded = new ArrayList<>();
        if (rows != null) {
            rows.stream().map(row -> row == null ? blank() : row).forEach(padded::add);
        }
        while (padded.size() < ROWS) {
            padded.add(blank());
        }
        return List.copyOf(padded);
    }

    public static List<HandedOverRequest> filled(List<HandedOverRequest> rows) {
        return rows.stream().filter(row -> !isBlank(row))
                .map(row -> new HandedOverRequest(row.title(), row.pages(),
                        row.original() == null ? Boolean.FALSE : row.original()))
                .toList();
    }

    public static UnaryOperator<String> fieldsOf(List<HandedOverRequest> rows) {
        return PetitionerRows.renumbered("handedOver", rows, HandedOverRows::isBlank);
    }

    private static HandedOverRequest blank() {
        return new HandedOverRequest("", null, false);
    }

    private static boolean isBlank(HandedOverRequest row) {
        return PetitionerRows.orNull(row.title()) == null && row.pages() == null;
    }
}
