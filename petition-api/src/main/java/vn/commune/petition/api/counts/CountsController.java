package vn.commune.petition.api.counts;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.commune.petition.projections.counts.CountsQueries;
import vn.commune.petition.projections.counts.PetitionCounts;

/** {@code GET /api/counts}: the live counts for any period, by business date. */
@RestController
class CountsController {

    private final CountsQueries counts;

    CountsController(CountsQueries counts) {
        this.counts = counts;
    }

    @GetMapping("/api/counts")
    PetitionCounts counts(@Valid CountsParams period) {
        return counts.count(period.from(), period.to());
    }
}
