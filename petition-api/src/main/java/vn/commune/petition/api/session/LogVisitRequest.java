package vn.commune.petition.api.session;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.session.LogVisit;
import vn.commune.petition.domain.session.RefusalGround;
import vn.commune.petition.domain.session.VisitOutcome;

/**
 * The body of {@code POST /api/sessions/{id}/visits}; {@code visitor} (who came) is required in person
 * from Luật 136/2025/QH15, which the session checks (409 {@code VISITOR_IDENTITY_REQUIRED}).
 */
public record LogVisitRequest(
        @NotNull @Min(1) @Max(10_000) Integer people,
        @NotNull Boolean group,
        @Min(1) @Max(5) Integer representatives,
        @NotNull Boolean repeat,
        @NotNull PetitionKind kind,
        @NotBlank @Size(max = 4000) String summary,
        @NotNull VisitOutcome outcome,
        @Valid VisitPetitionRequest petition,
        RefusalGround legalGround,
        @Valid VisitorRequest visitor) {

    /** The command that logs this visit as {@code visitId}, with the petition it received, if any. */
    LogVisit command(String sessionId, String visitId, String petitionId) {
        return new LogVisit(sessionId, visitId, people, group, representatives, repeat, kind, summary, outcome,
                petitionId, legalGround, visitor == null ? null : visitor.visitor());
    }

    @AssertTrue(message = "petition is required when the outcome is PETITION_RECEIVED, and only then")
    boolean isPetitionGivenWhenReceived() {
        return outcome == null || (outcome == VisitOutcome.PETITION_RECEIVED) == (petition != null);
    }

    @AssertTrue(message = "legalGround is required when the outcome is REFUSED, and only then")
    boolean isLegalGroundGivenWhenRefused() {
        return outcome == null || (outcome == VisitOutcome.REFUSED) == (legalGround != null);
    }
}
