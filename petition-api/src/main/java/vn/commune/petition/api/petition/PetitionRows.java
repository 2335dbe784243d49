package vn.commune.petition.api.petition;

import java.time.LocalDate;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.commune.petition.domain.deadline.DeadlinePolicies;
import vn.commune.petition.projections.petition.PetitionView;

/**
 * Petitions as a list on a page shows them (the register, the home pages, the deadlines): each as
 * its reader may see it (PetitionReader) and with its running deadline seen today (DueDate), so that
 * every list masks and colours alike.
 */
@Component
public class PetitionRows {

    /** A petition in a list, and its running deadline on the day (null once closed, or with none). */
    public record Row(PetitionView petition, DueDate due) {
    }

    /** At most {@code shown} rows of a longer list, and whether there were more. */
    public record Listed(List<Row> rows, boolean more) {
    }

    private final PetitionReader reader;
    private final DeadlinePolicies deadlines;

    PetitionRows(PetitionReader reader, DeadlinePolicies deadlines) {
        this.reader = reader;
        this.deadlines = deadlines;
    }

    /** The petition as {@code user} may see it on {@code today}. */
    public Row row(PetitionView view, Authentication user, LocalDate today) {
        PetitionView shown = reader.forReader(view.overdueOn(today), user);
        return new Row(shown, view.closedOn() == null
                ? DueDate.of(view.dueOn(), today, deadlines.of(view.commune())) : null);
    }

    /** The first {@code shown} of {@code views} as rows; {@code more} when {@code views} held more. */
    public Listed listed(List<PetitionView> views, int shown, Authentication user, LocalDate today) {
        return new Listed(views.stream().limit(shown).map(view -> row(view, user, today)).toList(),
                views.size() > shown);
    }
}
