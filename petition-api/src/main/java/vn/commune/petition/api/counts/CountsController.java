package vn.commune.petition.api.counts;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
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

    /** The petition counts and the reception totals of a period, side by side in one object. */
    record Counts(@JsonUnwrapped PetitionCounts petitions, @JsonUnwrapped Reception reception) {
    }

    /** The reception figures of the counts: sessions held, visits, people and group delegations. */
    record Reception(long sessions, long visits, long people, long groupDelegations) {

        static Reception of(ReceptionTotals totals) {
            return new Reception(totals.sessions(), totals.visits(), totals.people(), totals.groupDelegations());
        }
    }

    @GetMapping("/api/counts")
    Counts counts(@Valid CountsParams period) {
        return new Counts(counts.count(period.from(), period.to()),
                Reception.of(sessions.totals(period.from(), period.to())));
    }
}
