package vn.commune.petition.domain.deadline;

/** Tính chất vụ việc, decided on acceptance: it sets the resolution deadline and the extensions allowed. */
public enum Complexity {
    /** Bình thường. */
    NORMAL,
    /** Phức tạp. */
    COMPLEX,
    /** Đặc biệt phức tạp (a denunciation may then be extended twice). */
    ESPECIALLY_COMPLEX
}
