package vn.commune.petition.domain.petition;

import static vn.commune.petition.domain.petition.PetitionRule.ALREADY_ACCEPTED;
import static vn.commune.petition.domain.petition.PetitionRule.COMPLAINTS_ONLY;
import static vn.commune.petition.domain.petition.PetitionRule.EXTENSION_LIMIT_EXCEEDED;
import static vn.commune.petition.domain.petition.PetitionRule.LAST_MEDIATION_FAILED;
import static vn.commune.petition.domain.petition.PetitionRule.LAST_MEDIATION_SUCCEEDED;
import static vn.commune.petition.domain.petition.PetitionRule.NOT_ACCEPTED;
import static vn.commune.petition.domain.petition.PetitionRule.NOT_SUSPENDED;
import static vn.commune.petition.domain.petition.PetitionRule.NOT_YET_IN_FORCE;
import static vn.commune.petition.domain.petition.PetitionRule.PETITION_CLOSED;
import static vn.commune.petition.domain.petition.PetitionRule.RESOLUTION_SUSPENDED;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import vn.commune.petition.domain.law.LawVersion;

/**
 * Bước xử lý: each step a received petition may take, and the rule it would break where the petition
 * stands. The aggregate refuses a step with that rule; a page offers only the steps that break none.
 * The step's date is checked apart (DATE_IN_FUTURE, DATE_BEFORE_PREVIOUS_STEP, NOT_YET_IN_FORCE), as is
 * the length of an extension (EXTENSION_TOO_LONG): they depend on what is typed in, not on where the
 * petition stands.
 */
public enum PetitionStep {
    /** Thụ lý. */
    ACCEPT(PetitionStatus.RECEIVED),
    /** Chuyển đơn đến cơ quan có thẩm quyền. */
    FORWARD(PetitionStatus.RECEIVED),
    /** Hướng dẫn người gửi đơn. */
    GUIDE(PetitionStatus.RECEIVED),
    /** Trả lại đơn. */
    REJECT(PetitionStatus.RECEIVED),
    /** Lưu đơn. */
    ARCHIVE(PetitionStatus.RECEIVED),
    /** Hòa giải. */
    MEDIATE(PetitionStatus.ACCEPTED),
    /** Đối thoại. */
    HOLD_DIALOGUE(PetitionStatus.ACCEPTED),
    /** Lấy ý kiến Hội đồng tư vấn. */
    CONSULT_ADVISORY_COUNCIL(PetitionStatus.ACCEPTED),
    /** Gia hạn giải quyết: only as often as the acceptance allowed. */
    EXTEND_DEADLINE(PetitionStatus.ACCEPTED),
    /** Trả lời bằng văn bản: not after a failed mediation. */
    ANSWER_IN_WRITING(PetitionStatus.ACCEPTED),
    /** Chuyển cấp trên: not after a successful mediation. */
    ESCALATE(PetitionStatus.ACCEPTED),
    /** Tạm đình chỉ việc giải quyết khiếu nại: an accepted complaint, from Luật 136/2025/QH15. */
    SUSPEND(PetitionStatus.ACCEPTED, LawVersion.LAW_136_2025),
    /** Tiếp tục giải quyết: a suspended complaint. */
    RESUME(PetitionStatus.SUSPENDED, LawVersion.LAW_136_2025),
    /** Đình chỉ việc giải quyết khiếu nại: an accepted complaint, suspended or not. */
    TERMINATE(null, LawVersion.LAW_136_2025),
    /** Rút một phần khiếu nại: at any time while the complaint is open. */
    WITHDRAW_PART(null, LawVersion.LAW_136_2025),
    /** Rút đơn: at any time while the petition is open. */
    WITHDRAW(null);

    /** The status the petition must be in, or null: any open status. */
    private final PetitionStatus requires;
    /** The law that created the step, for complaints only; null: a step of every kind since the first version. */
    private final LawVersion since;

    PetitionStep(PetitionStatus requires) {
        this(requires, null);
    }

    PetitionStep(PetitionStatus requires, LawVersion since) {
        this.requires = requires;
        this.since = since;
    }

    /** The rule this step would break on a petition standing so (its date aside), or empty: it may be taken. */
    public Optional<PetitionRule> refusal(PetitionStanding standing) {
        if (standing.status().closed()) {
            return Optional.of(PETITION_CLOSED);
        }
        if (since != null && standing.kind() != PetitionKind.COMPLAINT) {
            return Optional.of(COMPLAINTS_ONLY);
        }
        PetitionStatus status = standing.status();
        if (this == TERMINATE && status == PetitionStatus.RECEIVED) {
            return Optional.of(NOT_ACCEPTED);
        }
        if (requires != null && status != requires) {
            if (requires == PetitionStatus.SUSPENDED) {
                return Optional.of(NOT_SUSPENDED);
            }
            if (status == PetitionStatus.SUSPENDED) {
                return Optional.of(RESOLUTION_SUSPENDED);
            }
            return Optional.of(requires == PetitionStatus.RECEIVED ? ALREADY_ACCEPTED : NOT_ACCEPTED);
        }
        return switch (this) {
            case EXTEND_DEADLINE -> standing.extensionsLeft() <= 0 ? Optional.of(EXTENSION_LIMIT_EXCEEDED) : Optional.empty();
            case ANSWER_IN_WRITING -> standing.lastMediation() == MediationOutcome.FAILED
                    ? Optional.of(LAST_MEDIATION_FAILED) : Optional.empty();
            case ESCALATE -> standing.lastMediation() == MediationOutcome.SUCCEEDED
                    ? Optional.of(LAST_MEDIATION_SUCCEEDED) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** The rule a step dated {@code on} breaks because the law that made it was not yet in force, or empty. */
    public Optional<PetitionRule> refusalOn(LocalDate on) {
        return since != null && !since.inForceOn(on) ? Optional.of(NOT_YET_IN_FORCE) : Optional.empty();
    }

    /** The steps a petition standing so may take now, in this enum's order. */
    public static Set<PetitionStep> allowedIn(PetitionStanding standing) {
        Set<PetitionStep> allowed = EnumSet.noneOf(PetitionStep.class);
        for (PetitionStep step : values()) {
            if (step.refusal(standing).isEmpty()) {
                allowed.add(step);
            }
        }
        return allowed;
    }
}
