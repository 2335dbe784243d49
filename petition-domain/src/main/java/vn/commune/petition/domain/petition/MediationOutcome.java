package vn.commune.petition.domain.petition;

/** Kết quả hòa giải: the outcome of a mediation. */
public enum MediationOutcome {
    /** Hòa giải thành. */
    SUCCEEDED,
    /** Hòa giải không thành. */
    FAILED
}
