package vn.commune.petition.domain;

/** A business rule with a name (an enum constant's) and a sentence saying what it requires. */
public interface NamedRule {

    String name();

    String description();
}
