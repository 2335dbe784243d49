package vn.commune.petition.api.petition;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import vn.commune.petition.api.deadline.CommuneClock;
import vn.commune.petition.api.page.Forms;
import vn.commune.petition.api.page.PageController;
import vn.commune.petition.api.problem.NotFoundException;
import vn.commune.petition.domain.deadline.DeadlinePolicies;
import vn.commune.petition.domain.petition.PetitionAccepted;
import vn.commune.petition.projections.history.PetitionAsOfQuery;
import vn.commune.petition.projections.petition.PetitionView;
import vn.commune.petition.projections.petition.PetitionViewQueries;

/**
 * Replaying a petition ({@code templates/petition/replay.html}): its state, deadlines and steps as they
 * stood on a business date ({@code asOf}) as known at a moment ({@code knownAt}), read through the
 * same PetitionAsOfQuery as {@code GET /api/petitions/{id}?asOf=&knownAt=}, with petitioners masked by
 * PetitionReader; beside it the whole timeline, each step marked as counted then, not yet happened or
 * not yet recorded, and recorded late where it was typed in after its business date. The control is a
 * GET form: htmx swaps the replay in place when it changes, and without JavaScript it loads the page.
 */
@PageController
class ReplayPages {

    /** Where a step of the timeline stands at the moment replayed. */
    enum Standing { COUNTED, NOT_YET_HAPPENED, NOT_YET_RECORDED }

    /** A step of the timeline at the moment replayed, with the controls that replay its own moments. */
    record Step(Timeline.Entry entry, Standing standing, LocalDate recordedOn, String recordedAtField,
                String recordedAtShown) {

        /** Recorded on a later day than its business date. */
        public boolean late() {
            return entry.recordedDaysLater() > 0;
        }
    }

    /** A moment as the replay shows it: to the second, since steps are often recorded minutes apart. */
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private final PetitionViewQueries views;
    private final PetitionAsOfQuery asOfQuery;
    private final PetitionReader reader;
    private final DeadlinePolicies deadlines;
    private final WebInvocationPrivilegeEvaluator privileges;
    private final Clock clock;

    ReplayPages(PetitionViewQueries views, PetitionAsOfQuery asOfQuery, PetitionReader reader, DeadlinePolicies deadlines,
                WebInvocationPrivilegeEvaluator privileges, Clock clock) {
        this.views = views;
        this.asOfQuery = asOfQuery;
        this.reader = reader;
        this.deadlines = deadlines;
        this.privileges = privileges;
        this.clock = clock;
    }

    @GetMapping("/petitions/{id}/replay")
    String replay(@PathVariable String id, @Valid @ModelAttribute("moment") ReplayMoment moment, BindingResult form,
                  Authentication user, Model model, HtmxRequest htmx, HttpServletRequest request,
                  HttpServletResponse response) {
        ZoneId zone = clock.getZone();
        LocalDate today = CommuneClock.today(clock);
        PetitionView current = views.find(NotFoundException.unlessId(id, StepRecorder.NO_PETITION))
                .orElseThrow(() -> new NotFoundException(StepRecorder.NO_PETITION));
        Timeline timeline = Timeline.of(reader.history(current, user)
                .orElseThrow(() -> new NotFoundException(StepRecorder.NO_PETITION)));
        model.addAttribute("current", reader.forReader(current, user));
        model.addAttribute("today", today);
        model.addAttribute("mayVerify", privileges.isAllowed(request.getContextPath(), "/audit/chain", "GET", user));
        if (form.hasErrors()) {
            response.setStatus(Forms.INVALID);
            model.addAttribute("steps", steps(timeline, null, null, zone));
            return htmx.isHtmxRequest() ? "petition/replay :: replay" : "petition/replay";
        }
        Instant knownAt = moment.knownAtIn(zone);
        LocalDate day = moment.asOf() != null ? moment.asOf() : today;
        model.addAttribute("day", day);
        model.addAttribute("knownAt", knownAt == null ? null : SHOWN.format(knownAt.atZone(zone)));
        model.addAttribute("steps", steps(timeline, moment.asOf(), knownAt, zone));
        asOfQuery.find(current.id(), moment.asOf(), knownAt).ifPresent(then -> {
            model.addAttribute("then", reader.forReader(then.overdueOn(day), user));
            boolean accepted = then.steps().stream()
                    .anyMatch(step -> step.type().equals(PetitionAccepted.class.getSimpleName()));
            model.addAttribute("deadlines", new PetitionPages.Deadlines(then.handlingDueOn(),
                    accepted ? then.dueOn() : null,
                    then.status().closed() ? null : DueDate.of(then.dueOn(), day,
                            deadlines.of(current.commune())), null));
        });
        return htmx.isHtmxRequest() ? "petition/replay :: replay" : "petition/replay";
    }

    /** The whole timeline, each step marked by the rule of PetitionAsOfQuery: happened by asOf, recorded by knownAt. */
    private static List<Step> steps(Timeline timeline, LocalDate asOf, Instant knownAt, ZoneId zone) {
        return timeline.entries().stream().map(entry -> {
            Standing standing = asOf != null && entry.on().isAfter(asOf) ? Standing.NOT_YET_HAPPENED
                    : knownAt != null && entry.recordedAt().isAfter(knownAt) ? Standing.NOT_YET_RECORDED
                    : Standing.COUNTED;
            return new Step(entry, standing, entry.recordedAt().atZone(zone).toLocalDate(),
                    ReplayMoment.FIELD.format(entry.recordedAt().atZone(zone).toLocalDateTime()),
                    SHOWN.format(entry.recordedAt().atZone(zone)));
        }).toList();
    }
}
