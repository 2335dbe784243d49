package vn.commune.petition.projections.petition;

import java.time.LocalDate;
import java.util.List;
import vn.commune.petition.domain.deadline.Timeliness;
import vn.commune.petition.domain.petition.Channel;
import vn.commune.petition.domain.petition.HandedOverDocument;
import vn.commune.petition.domain.petition.MediationFailed;
import vn.commune.petition.domain.petition.MediationOutcome;
import vn.commune.petition.domain.petition.MediationSucceeded;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.petition.PetitionRecord;
import vn.commune.petition.domain.petition.PetitionStatus;
import vn.commune.petition.domain.petition.Petitioner;

/**
 * A petition as it stands now: what officers see and what every step answers with. {@code dueOn}
 * is the deadline that governs it (the handling deadline until acceptance, then the resolution
 * deadline); {@code timeliness} is set once it is closed; {@code overdue} depends on the day asked.
 * {@code handedOver} lists what the citizen handed in with it; like the petitioners, it is personal.
 * {@code appointmentOn} is the day the receipt gave the citizen to come back, or null. {@code commune} is
 * the code of its commune, whose calendar counts its working days (null for a petition whose events carry
 * none, as of a date: the configured commune's).
 */
public record PetitionView(
        String id,
        String reference,
        PetitionStatus status,
        PetitionKind kind,
        Channel channel,
        String field,
        String ward,
        String summary,
        String sessionId,
        LocalDate receivedOn,
        LocalDate handlingDueOn,
        LocalDate dueOn,
        LocalDate closedOn,
        Timeliness timeliness,
        Boolean overdue,
        long version,
        List<Petitioner> petitioners,
        List<HandedOverDocument> handedOver,
        LocalDate appointmentOn,
        List<Step> steps,
        String commune) {

    /** One step of the petition's handling: the event's type and its business date. */
    public record Step(String type, LocalDate on) {
    }

    /** The steps of its handling: every step but the facts merely recorded about it (PetitionRecord). */
    public List<Step> handlingSteps() {
        return steps.stream().filter(step -> !PetitionRecord.NAMES.contains(step.type())).toList();
    }

    /** The date of the last step of its handling, which the next one may not precede. */
    public LocalDate lastStepOn() {
        List<Step> handling = handlingSteps();
        return handling.get(handling.size() - 1).on();
    }

    /** The outcome of the petition's last mediation, or null if it had none. */
    public MediationOutcome lastMediation() {
        MediationOutcome last = null;
        for (Step step : steps) {
            if (step.type().equals(MediationSucceeded.class.getSimpleName())) {
                last = MediationOutcome.SUCCEEDED;
            } else if (step.type().equals(MediationFailed.class.getSimpleName())) {
                last = MediationOutcome.FAILED;
            }
        }
        return last;
    }

    /**
     * The same view with the petitioners replaced and nothing of what they handed over, for a reader not
     * entitled to see them (a document's title can name its holder).
     */
    public PetitionView withPetitioners(List<Petitioner> replaced) {
        return new PetitionView(id, reference, status, kind, channel, field, ward, summary, sessionId,
                receivedOn, handlingDueOn, dueOn, closedOn, timeliness, overdue, version, replaced, List.of(),
                appointmentOn, steps, commune);
    }

    /**
     * The same view saying whether it is overdue on {@code day}: open then, not suspended (its clock is
     * stopped), and past its due date.
     */
    public PetitionView overdueOn(LocalDate day) {
        boolean open = closedOn == null || closedOn.isAfter(day);
        boolean late = open && status != PetitionStatus.SUSPENDED && dueOn != null && day.isAfter(dueOn);
        return new PetitionView(id, reference, status, kind, channel, field, ward, summary, sessionId,
                receivedOn, handlingDueOn, dueOn, closedOn, timeliness, late, version, petitioners, handedOver,
                appointmentOn, steps, commune);
    }
}
