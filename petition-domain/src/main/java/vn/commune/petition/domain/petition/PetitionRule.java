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
    NO_SUCH_DOCUMENT("The petition's receipt lists no document with this number");

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
