package vn.commune.petition.api.lookup;

import java.time.LocalDate;
import java.util.List;
import vn.commune.petition.domain.deadline.Timeliness;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.petition.PetitionStatus;
import vn.commune.petition.projections.petition.PetitionView;

/**
 * What the public lookup shows of a petition to whoever holds its reference and code: which commune
 * handles it, where it stands,
 * its steps with their dates, the deadline and whether it was kept. Never a name, an address, an
 * officer, a summary or an internal id: nothing here is personal, whatever the petition's kind.
 */
public record PublicStatus(
        String reference,
        String commune,
        String handledBy,
        PetitionKind kind,
        PetitionStatus status,
        LocalDate receivedOn,
        LocalDate dueOn,
        LocalDate closedOn,
        Timeliness timeliness,
        boolean overdue,
        List<Step> steps) {

    /** One step: its type (the event's name, as {@code GET /api/petitions/{id}} gives it) and its date. */
    public record Step(String type, LocalDate on) {
    }

    /** {@code handledBy}: the People's Committee of the petition's commune, which handles it ("UBND phường Hòa Bình"). */
    static PublicStatus of(PetitionView view, String handledBy, LocalDate today) {
        PetitionView now = view.overdueOn(today);
        List<Step> steps = now.handlingSteps().stream()
                .map(step -> new Step(step.type(), step.on()))
                .toList();
        return new PublicStatus(now.reference(), now.commune(), handledBy, now.kind(), now.status(), now.receivedOn(), now.dueOn(),
                now.closedOn(), now.timeliness(), Boolean.TRUE.equals(now.overdue()), steps);
    }
}
