package vn.commune.petition.domain.dossier;

import vn.commune.petition.domain.NamedRule;

/** The named rules a one-stop dossier step can break. */
public enum DossierRule implements NamedRule {
    /** A resolved dossier takes no further step. */
    DOSSIER_RESOLVED("A resolved dossier takes no further step"),
    /** A dossier returned for completion is resolved only after it is resubmitted. */
    AWAITING_COMPLETION("The dossier was returned for completion and has not been resubmitted"),
    /** Only a dossier returned for completion can be resubmitted. */
    NOT_RETURNED("The dossier was not returned for completion"),
    /** A due date is not before the day the dossier was received. */
    DUE_BEFORE_RECEIPT("The due date is before the day the dossier was received"),
    /** A business date is never later than today in the commune. */
    DATE_IN_FUTURE("A step cannot be dated in the future"),
    /** A business date is never earlier than the dossier's previous step. */
    DATE_BEFORE_PREVIOUS_STEP("A step cannot be dated before the dossier's previous step");

    private final String description;

    DossierRule(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
