package vn.commune.petition.domain.session;

/** Loại buổi tiếp công dân (Luật Tiếp công dân Đ2.1). */
public enum SessionKind {
    /** Tiếp thường xuyên: by the assigned reception officers. */
    REGULAR,
    /**
     * Tiếp định kỳ: by the head of the People's Committee, at least one day a week (at least 2 days a
     * month from Luật 136/2025/QH15).
     */
    PERIODIC,
    /** Tiếp đột xuất: ad hoc, in the cases of Luật Tiếp công dân Đ18.3. */
    AD_HOC,
    /** Tiếp trực tuyến: online reception, lawful from Luật 136/2025/QH15 ({@code LawVersion.LAW_136_2025}). */
    ONLINE
}
