package vn.commune.petition.domain.session;

/** Kết quả tiếp: what came of one visit (Luật Tiếp công dân Đ26). */
public enum VisitOutcome {
    /** Tiếp nhận đơn: a petition was received, and logged with this visit. */
    PETITION_RECEIVED,
    /** Hướng dẫn: the citizen was guided to the competent body. */
    GUIDED,
    /** Giải thích: the matter was explained (already resolved lawfully, or needs no petition). */
    EXPLAINED,
    /** Từ chối tiếp: reception refused, on a ground of Luật Tiếp công dân Đ9. */
    REFUSED
}
