package vn.commune.petition.domain;

/** A step that breaks a named rule of the domain: refused, nothing written, the rule's name reported. */
public abstract class RuleViolation extends RuntimeException {

    protected RuleViolation(String name, String description) {
        super(name + ": " + description);
    }

    /** The rule's name, as a refused request reports it. */
    public abstract String ruleName();

    /** A sentence in English saying what the rule requires. */
    public abstract String ruleDescription();
}
