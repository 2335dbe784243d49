package vn.commune.petition.domain.petition;

import vn.commune.petition.domain.NamedRule;

/** The named rules a petition step can break; the name is what a refused request reports. */
public enum PetitionRule implements NamedRule {
    /** A closed petition (resolved, escalated, forwarded, guided, rejected, archived, withdrawn) takes no further step. */
    PETITION_CLOSED("A closed petition takes no further step"),
    /** Accept, forward, guide, reject and archive are decided on a received petition, before acceptance. */
    ALREADY_ACCEPTED("The petition has already been accepted; this decision is taken before acceptance"),
    /** Mediation, dialogue, Advisory Council, extension, written answer and escalation need an accepted petition. */
    NOT_ACCEPTED("The petition has not been accepted (thụ lý) yet"),
    /** The written answer closes a petition whose last mediation, if any, succeeded. */
    LAST_MEDIATION_FAILED("The last mediation failed: the petition cannot be answered as settled, escalate it"),
    /** Escalation follows a failed mediation: not one whose last mediation succeeded. */
    LAST_MEDIATION_SUCCEEDED("The last mediation succeeded: answer the petition in writing instead of escalating"),
    /** A deadline is extended only as often as the kind allows (a denunciation once if complex). */
    EXTENSION_LIMIT_EXCEEDED("The deadline cannot be extended again for this kind of petition"),
    /** One extension adds no more days than the kind allows. */
    EXTENSION_TOO_LONG("The extension is longer than the law allows for this kind of petition"),
    /** A business date is never later than today in the commune (Asia/Ho_Chi_Minh). */
    DATE_IN_FUTURE("A step cannot be dated in the future"),
    /** A business date is never earlier than the petition's previous step. */
    DATE_BEFORE_PREVIOUS_STEP("A step cannot be dated before the petition's previous step"),
    /** A scan is attached to one of the documents the receipt lists, numbered from 1. */
    NO_SUCH_DOCUMENT("The petition's receipt lists no document with this number"),
    /** A step the law created is refused for a date before the law took effect (LawVersion). */
    NOT_YET_IN_FORCE("The law allows this step only from its effective date: 1 July 2026 (Luật 136/2025/QH15)"),
    /** Suspension, resumption, termination and partial withdrawal are steps of a complaint's resolution. */
    COMPLAINTS_ONLY("Only a complaint can be suspended, resumed, terminated or withdrawn in part"),
    /** While a complaint's resolution is suspended it takes no resolution step: resume it first. */
    RESOLUTION_SUSPENDED("The complaint's resolution is suspended: resume it first"),
    /** Only a suspended resolution is resumed. */
    NOT_SUSPENDED("The complaint's resolution is not suspended"),
    /** A part of a complaint withdrawn is never reopened, nor withdrawn again. */
    PART_ALREADY_WITHDRAWN("This part of the complaint has already been withdrawn"),
    /** Since 1 July 2025 an escalation names one of the levels that exist: no district. */
    ESCALATION_LEVEL_REQUIRED("An escalation dated from 1 July 2025 names a provincial body, a court or another body: there are no districts");

    private final String description;

    PetitionRule(String description) {
        this.description = description;
    }

    /** A sentence in English saying what the rule requires. */
    @Override
    public String description() {
        return description;
    }
}
