package vn.commune.petition.domain.petition;

/** Loại đơn: the four kinds of petition the law distinguishes. */
public enum PetitionKind {
    /** Khiếu nại. */
    COMPLAINT,
    /** Tố cáo: the denunciator's identity is confidential by law. */
    DENUNCIATION,
    /** Kiến nghị. */
    RECOMMENDATION,
    /** Phản ánh. */
    FEEDBACK
}
