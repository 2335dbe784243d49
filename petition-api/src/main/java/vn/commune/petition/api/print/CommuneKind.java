package vn.commune.petition.api.print;

import java.util.Locale;

/**
 * Loại đơn vị hành chính cấp xã: the kind of commune-level unit since the two-tier local government of
 * 1 July 2025 (Luật Tổ chức chính quyền địa phương 72/2025/QH15), which abolished the districts and
 * the thị trấn (each became a xã).
 */
public enum CommuneKind {

    XA("xã", "commune"),
    PHUONG("phường", "ward"),
    DAC_KHU("đặc khu", "special zone");

    private final String vietnamese;
    private final String english;

    CommuneKind(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    /** The kind as the law names it ("xã", "phường", "đặc khu"), or in English ("commune", "ward", "special zone"). */
    public String word(Locale locale) {
        return "en".equals(locale.getLanguage()) ? english : vietnamese;
    }
}
