package vn.commune.petition.api.petition;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.commune.petition.api.config.CommuneClock;
import vn.commune.petition.api.page.PageController;
import vn.commune.petition.api.problem.NotFoundException;
import vn.commune.petition.projections.petition.PetitionView;
import vn.commune.petition.projections.petition.PetitionViewQueries;

/**
 * The petition's page ({@code templates/petition/page.html}): its facts, deadlines, petitioners (as
 * PetitionReader lets this reader see them) and steps. Read-only so far; the step forms come next.
 */
@PageController
class PetitionPages {

    private final PetitionViewQueries views;
    private final PetitionReader reader;
    private final Clock clock;

    PetitionPages(PetitionViewQueries views, PetitionReader reader, Clock clock) {
        this.views = views;
        this.reader = reader;
        this.clock = clock;
    }

    @GetMapping("/petitions/{id}")
    String petition(@PathVariable String id, Authentication user, Model model) {
        LocalDate today = CommuneClock.today(clock);
        PetitionView view = views.find(NotFoundException.unlessId(id, StepRecorder.NO_PETITION))
                .orElseThrow(() -> new NotFoundException(StepRecorder.NO_PETITION));
        model.addAttribute("petition", reader.forReader(view.overdueOn(today), user));
        model.addAttribute("today", today);
        return "petition/page";
    }
}
