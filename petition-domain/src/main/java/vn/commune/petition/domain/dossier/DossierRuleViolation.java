package vn.commune.petition.domain.dossier;

import vn.commune.petition.domain.RuleViolation;

/** Thrown when a dossier step breaks a named rule; nothing is written. */
public class DossierRuleViolation extends RuleViolation {

    private final DossierRule rule;

    public DossierRuleViolation(DossierRule rule) {
        super(rule.name(), rule.description());
        this.rule = rule;
    }

    public DossierRule rule() {
        return rule;
    }

    @Override
    public String ruleName() {
        return rule.name();
    }

    @Override
    public String ruleDescription() {
        return rule.description();
    }
}
