package vn.commune.petition.api.counts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.commune.petition.api.security.Communes;
import vn.commune.petition.projections.counts.CountsQueries;
import vn.commune.petition.projections.counts.PetitionCounts;
import vn.commune.petition.projections.session.ReceptionTotals;
import vn.commune.petition.projections.session.SessionQueries;

/** {@code GET /api/counts}: the live counts for any period, by business date. */
@RestController
class CountsController {

    private final CountsQueries counts;
    private final SessionQueries sessions;
    private final Communes communes;

    CountsController(CountsQueries counts, SessionQueries sessions, Communes communes) {
        this.counts = counts;
        this.sessions = sessions;
        this.communes = communes;
    }

    /**
     * The petition counts and the reception totals of a period, side by side in one object; with
     * {@code knownAt}, also the counts as they could have been reported at that instant. For an account
     * that oversees several communes, the counts are theirs together, and {@code communes} has each one's.
     */
    record Counts(@JsonUnwrapped PetitionCounts petitions, @JsonUnwrapped Reception reception,
                  @JsonInclude(JsonInclude.Include.NON_NULL) Instant knownAt,
                  @JsonInclude(JsonInclude.Include.NON_NULL) PetitionCounts asKnownAt,
                  @JsonInclude(JsonInclude.Include.NON_NULL) List<CommuneCounts> communes) {
    }

    /** One commune's counts of the period: its code, its name, and the figures (without their breakdowns). */
    record CommuneCounts(String code, String name, PetitionCounts counts) {
    }

    /** The reception figures of the counts: sessions held, visits, people and group delegations. */
    record Reception(long sessions, long visits, long people, long groupDelegations) {

        static Reception of(ReceptionTotals totals) {
            return new Reception(totals.sessions(), totals.visits(), totals.people(), totals.groupDelegations());
        }
    }

    @GetMapping("/api/counts")
    Counts counts(@Valid CountsParams period, Principal user, Locale locale) {
        PetitionCounts then = period.knownAt() == null ? null
                : counts.countKnownAt(period.from(), period.to(), period.knownAt());
        List<CommuneCounts> each = user != null && communes.overseesSeveral(user.getName())
                ? counts.countByCommune(period.from(), period.to()).entrySet().stream()
                        .map(commune -> new CommuneCounts(commune.getKey(), communes.name(commune.getKey(), locale),
                                commune.getValue()))
                        .toList()
                : null;
        return new Counts(counts.count(period.from(), period.to()),
                Reception.of(sessions.totals(period.from(), period.to())), period.knownAt(), then, each);
    }
}
