package vn.commune.petition.domain.petition;

/**
 * Where a petition stands, as far as its next step is concerned: its kind, its status, the outcome of
 * its last mediation (null if none), and how many more times its deadline may be extended. The
 * aggregate decides with it, and a page asks it which steps to offer ({@link PetitionStep#allowedIn}).
 */
public record PetitionStanding(PetitionKind kind, PetitionStatus status, MediationOutcome lastMediation,
                               int extensionsLeft) {
}
