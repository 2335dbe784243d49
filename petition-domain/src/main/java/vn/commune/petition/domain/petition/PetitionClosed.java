package vn.commune.petition.domain.petition;

/**
 * Đơn đã kết thúc: a step that closes the petition, which takes no further step. Declaring a record
 * here is all it takes for every reader to treat it as closing: the aggregate, the projections and
 * their set-based rebuilds ask {@link #closedAs()}, which depends on the type alone.
 */
public sealed interface PetitionClosed extends PetitionEvent permits PetitionAnswered, PetitionEscalated,
        PetitionForwarded, PetitionerGuided, PetitionRejected, PetitionArchived, PetitionWithdrawn, ResolutionTerminated {

    /** The status the petition is closed as: one of the closed statuses. */
    PetitionStatus closedAs();
}
