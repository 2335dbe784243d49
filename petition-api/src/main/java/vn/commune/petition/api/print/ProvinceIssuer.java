package vn.commune.petition.api.print;

import java.util.Locale;

/**
 * The province's People's Committee as the issuer of the report of an account that oversees its communes
 * (their figures together): "ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ", with nothing above it, the province's name as
 * the place of the date line, and a signatory left for whoever signs.
 *
 * @param name the province's name alone ("Phú Thọ"); blank: it is named by its code
 * @param kind tỉnh or thành phố
 * @param code its code (mã tỉnh, two digits)
 * @param superiorBody blank: nothing is printed above a province's People's Committee
 * @param symbol the symbol after each number ("UBND")
 * @param place the place of the date line: its name
 * @param signatory the title only ("CHỦ TỊCH"), no name
 */
public record ProvinceIssuer(String name, ProvinceKind kind, String code, String superiorBody, String symbol,
                             String place, CommuneProperties.Signatory signatory) implements Issuer {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** The province {@code name} of this kind and code, whose numbers end in {@code symbol}. */
    public static ProvinceIssuer of(String name, ProvinceKind kind, String code, String symbol) {
        String shown = name == null ? "" : name.strip();
        return new ProvinceIssuer(shown, kind == null ? ProvinceKind.TINH : kind, code, "", symbol,
                shown.isEmpty() ? "……" : shown, new CommuneProperties.Signatory(null, null, null));
    }

    /** The province as the law names it: "tỉnh Phú Thọ" ("Phú Thọ province"); by its code without a name. */
    public String unit(Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        if (name.isEmpty()) {
            return english ? kind.word(locale) + " " + code : kind.word(locale) + " mã " + code;
        }
        return english ? name + " " + kind.word(locale) : kind.word(locale) + " " + name;
    }

    @Override
    public String body() {
        return ("Ủy ban nhân dân " + unit(VIETNAMESE)).toUpperCase(VIETNAMESE);
    }

    @Override
    public String committee(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "People's Committee of " + unit(locale) : "UBND " + unit(locale);
    }

    @Override
    public String level(Locale locale) {
        return kind.word(locale);
    }
}
