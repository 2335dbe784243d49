package vn.commune.petition.domain;

/** A step that breaks a named rule of the domain: refused, nothing written, the rule's name reported. */
public class RuleViolation extends RuntimeException {

    private final NamedRule rule;

    public RuleViolation(NamedRule rule) {
        super(rule.name() + ": " + rule.description());
        this.rule = rule;
    }

    /** The rule broken. */
    public NamedRule rule() {
        return rule;
    }
}
