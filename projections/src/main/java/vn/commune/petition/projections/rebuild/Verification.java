package vn.commune.petition.projections.rebuild;

import java.util.List;
import java.util.Map;

/**
 * What a verification found: the live tables against a fresh replay of the handlers, as of the same
 * position. {@code differencesFound} counts every difference; {@link Differences#LISTED} per table are
 * listed.
 */
public record Verification(Status status, long differencesFound, List<Difference> differences) {

    public enum Status { MATCH, DIFFERENT }

    /**
     * A row that differs: its table, its key, and either the side that alone has it ({@code live} or
     * {@code rebuilt}) or the columns whose values differ. Never the values themselves: a row may hold
     * a petitioner's, even a denunciator's, personal data.
     */
    public record Difference(String table, Map<String, Object> key, String onlyIn, List<String> columns) {
    }
}
