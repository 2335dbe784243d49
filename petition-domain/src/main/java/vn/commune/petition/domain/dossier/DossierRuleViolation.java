package vn.commune.petition.domain.dossier;

import vn.commune.petition.domain.RuleViolation;

/** Thrown when a dossier step breaks a named rule; nothing is written. */
public class DossierRuleViolation extends RuleViolation {

    public DossierRuleViolation(DossierRule rule) {
        super(rule);
    }

    @Override
    public DossierRule rule() {
        return (DossierRule) super.rule();
    }
}
