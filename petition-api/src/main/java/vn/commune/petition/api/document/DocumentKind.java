package vn.commune.petition.api.document;

/**
 * The documents a commune prints from a petition's steps, each with its name in an address and the
 * abbreviation of its kind in its symbol (Nghị định 30/2020/NĐ-CP, Phụ lục III); documents with the
 * same abbreviation share one register of numbers.
 */
public enum DocumentKind {
    /** Biên bản tiếp công dân: the record of the visit that received the petition. */
    VISIT_RECORD("bien-ban-tiep-cong-dan", "BB"),
    /** Thông báo thụ lý: the petition is accepted for resolution (PetitionAccepted). */
    ACCEPTANCE_NOTICE("thong-bao-thu-ly", "TB"),
    /** Thông báo không thụ lý: the petition is refused on a legal ground (PetitionRejected). */
    REJECTION_NOTICE("thong-bao-khong-thu-ly", "TB"),
    /** Phiếu chuyển đơn: the petition is sent on to the competent body (PetitionForwarded). */
    FORWARDING_SLIP("phieu-chuyen-don", "PC"),
    /** Phiếu hướng dẫn: the petitioner is told where to send it (PetitionerGuided). */
    GUIDANCE_SLIP("phieu-huong-dan", "HD"),
    /** Văn bản trả lời: the cover of the written answer, under the answer's own number (PetitionAnswered). */
    WRITTEN_ANSWER("tra-loi-don", null);

    private final String path;
    private final String symbol;

    DocumentKind(String path, String symbol) {
        this.path = path;
        this.symbol = symbol;
    }

    /** The document's name in its address. */
    public String path() {
        return path;
    }

    /** The abbreviation of the kind in the number's symbol ("TB" in "05/TB-UBND"); null for a letter. */
    public String symbol() {
        return symbol;
    }
}
