package vn.commune.petition.api.print;

import java.util.Locale;

/**
 * Loại đơn vị hành chính cấp tỉnh: a province (tỉnh) or a centrally-run city (thành phố trực thuộc
 * trung ương).
 */
public enum ProvinceKind {

    TINH("tỉnh", "province"),
    THANH_PHO("thành phố", "city");

    private final String vietnamese;
    private final String english;

    ProvinceKind(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    /** The kind as the law names it ("tỉnh", "thành phố"), or in English ("province", "city"). */
    public String word(Locale locale) {
        return "en".equals(locale.getLanguage()) ? english : vietnamese;
    }
}
