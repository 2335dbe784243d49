package vn.commune.petition.api.security;

/** Vai trò: who may do what, as in the roles table of PRODUCT.md. */
public enum Role {
    /** Cán bộ tiếp công dân: logs sessions and petitions, records mediations, dialogues, withdrawals. */
    OFFICER,
    /** Chủ tịch UBND: everything an officer may, and the decisions. */
    CHAIR,
    /** Thanh tra: reads, replays and verifies; writes nothing; never sees a denunciator. */
    INSPECTOR,
    /** Quản trị: operates the service; no case work. */
    ADMIN
}
