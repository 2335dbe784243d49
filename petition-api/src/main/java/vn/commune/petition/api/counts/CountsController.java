package vn.commune.petition.api.counts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.commune.petition.projections.counts.CountsQueries;
import vn.commune.petition.projections.counts.PetitionCounts;
import vn.commune.petition.projections.session.ReceptionTotals;
import vn.commune.petition.projections.session.SessionQueries;

/** {@code GET /api/counts}: the live counts for any period, by business date. */
@RestController
class CountsController {

    private final CountsQueries counts;
    private final SessionQueries sessions;

    CountsController(CountsQueries counts, SessionQueries sessions) {
        this.counts = counts;
        this.sessions = sessions;
    }

    /**
     * The petition counts and the reception totals of a period, side by side in one object; with
     * {@code knownAt}, also the counts as they could have been reported at that instant.
     */
    record Counts(@JsonUnwrapped PetitionCounts petitions, @JsonUnwrapped Reception reception,
                  @JsonInclude(JsonInclude.Include.NON_NULL) Instant knownAt,
                  @JsonInclude(JsonInclude.Include.NON_NULL) PetitionCounts asKnownAt) {
    }

    /** The reception figures of the counts: sessions held, visits, people and group delegations. */
    record Reception(long sessions, long visits, long people, long groupDelegations) {

        static Reception of(ReceptionTotals totals) {
            return new Reception(totals.sessions(), totals.visits(), totals.people(), totals.groupDelegations());
        }
    }

    @GetMapping("/api/counts")
    Counts counts(@Valid CountsParams period) {
        PetitionCounts then = period.knownAt() == null ? null
                : counts.countKnownAt(period.from(), period.to(), period.knownAt());
        return new Counts(counts.count(period.from(), period.to()),
                Reception.of(sessions.totals(period.from(), period.to())), period.knownAt(), then);
    }
}
