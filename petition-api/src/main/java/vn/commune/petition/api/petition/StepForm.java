package vn.commune.petition.api.petition;

import java.time.LocalDate;
import java.util.function.Function;
import vn.commune.petition.domain.petition.PetitionStep;

/**
 * The form of each step on the petition's page: the step, the address it is posted to (the API's
 * own, under {@code /petitions/{id}/} instead of {@code /api/petitions/{id}/}), the name of its
 * request record in the model and its template fragment ({@code petition/steps :: <name>}), and the
 * record it is shown with, dated today.
 */
enum StepForm {
    ACCEPT(PetitionStep.ACCEPT, "acceptance", "acceptance", today -> new AcceptanceRequest(today, false, false)),
    FORWARD(PetitionStep.FORWARD, "forwarding", "forwarding", today -> new ForwardingRequest(today, null, null)),
    GUIDE(PetitionStep.GUIDE, "guidance", "guidance", today -> new GuidanceRequest(today, null)),
    REJECT(PetitionStep.REJECT, "rejection", "rejection", today -> new RejectionRequest(today, null)),
    ARCHIVE(PetitionStep.ARCHIVE, "archival", "archival", today -> new ArchivalRequest(today, null)),
    MEDIATE(PetitionStep.MEDIATE, "mediations", "mediation", today -> new MediationRequest(today, null, null, null)),
    HOLD_DIALOGUE(PetitionStep.HOLD_DIALOGUE, "dialogues", "dialogue", today -> new DialogueRequest(today, null)),
    CONSULT_ADVISORY_COUNCIL(PetitionStep.CONSULT_ADVISORY_COUNCIL, "advisory-council", "advisoryCouncil",
            today -> new AdvisoryCouncilRequest(today, null)),
    EXTEND_DEADLINE(PetitionStep.EXTEND_DEADLINE, "extensions", "extension", today -> new ExtensionRequest(today, null, null)),
    ANSWER_IN_WRITING(PetitionStep.ANSWER_IN_WRITING, "written-answer", "writtenAnswer",
            today -> new WrittenAnswerRequest(today, null, null)),
    ESCALATE(PetitionStep.ESCALATE, "escalation", "escalation", today -> new EscalationRequest(today, null, null, null)),
    SUSPEND(PetitionStep.SUSPEND, "suspension", "suspension", today -> new SuspensionRequest(today, null)),
    RESUME(PetitionStep.RESUME, "resumption", "resumption", today -> new ResumptionRequest(today)),
    TERMINATE(PetitionStep.TERMINATE, "termination", "termination", today -> new TerminationRequest(today, null)),
    WITHDRAW_PART(PetitionStep.WITHDRAW_PART, "partial-withdrawal", "partialWithdrawal",
            today -> new PartialWithdrawalRequest(today, null, null)),
    WITHDRAW(PetitionStep.WITHDRAW, "withdrawal", "withdrawal", today -> new WithdrawalRequest(today, null));

    private final PetitionStep step;
    private final String path;
    private final String attribute;
    private final Function<LocalDate, StepRequest> blank;

    StepForm(PetitionStep step, String path, String attribute, Function<LocalDate, StepRequest> blank) {
        this.step = step;
        this.path = path;
        this.attribute = attribute;
        this.blank = blank;
    }

    public PetitionStep step() {
        return step;
    }

    /** The last segment of the address the form is posted to. */
    public String path() {
        return path;
    }

    /** The request record's name in the model, the form's id prefix and its fragment's name. */
    public String attribute() {
        return attribute;
    }

    /** Where this form is posted for petition {@code id}. */
    public String action(String id) {
        return "/petitions/" + id + "/" + path;
    }

    StepRequest blank(LocalDate today) {
        return blank.apply(today);
    }

    static StepForm of(PetitionStep step) {
        for (StepForm form : values()) {
            if (form.step == step) {
                return form;
            }
        }
        throw new IllegalArgumentException("No form for " + step);
    }
}
