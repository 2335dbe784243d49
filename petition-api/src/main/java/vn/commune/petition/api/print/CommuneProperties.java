package vn.commune.petition.api.print;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.commune.petition.api.security.Communes;

/**
 * The commune ({@code petition.commune}): its name and its kind (xã, phường, đặc khu), from which every
 * page, document and report derives how it names the commune and its People's Committee; and for the
 * format of Nghị định 30, the body printed above it, its address, the place of the date line, the
 * symbol after each number, the signatory.
 *
 * @param name the commune's name alone ("Tân Lập"), without its kind or its People's Committee
 * @param kind xã, phường or đặc khu (the levels of Luật 72/2025/QH15 since 1 July 2025; a former thị
 *             trấn is a xã)
 * @param superiorBody the province's People's Committee in capitals when it is printed above the
 *                     commune's ("ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ"; there are no districts since 1 July
 *                     2025); blank for none
 * @param address where the commune receives citizens; by default its People's Committee's office
 *                ("Trụ sở Ủy ban nhân dân xã Tân Lập")
 * @param phone the telephone citizens call (blank: none), printed on every receipt beside the address
 * @param place the place name of the date line ("Tân Lập, ngày 05 tháng 3 năm 2024"); by default the name
 * @param symbol the issuing body's part of each symbol ("UBND" in "12/TB-UBND")
 * @param signatory who signs
 * @param code the commune's code (mã đơn vị hành chính, five digits; blank: none), which the events of
 *             its accounts carry ({@code Communes}); events that carry none are this commune's
 */
@ConfigurationProperties("petition.commune")
public record CommuneProperties(String name, CommuneKind kind, String superiorBody, String address, String phone,
                                String place, String symbol, Signatory signatory, String code) implements Issuer {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /**
     * How a name begins that is not a name alone: the People's Committee of the old configuration ("UBND xã
     * Tân Lập"), or a thị trấn, a kind abolished on 1 July 2025.
     */
    private static final List<String> NOT_A_NAME = List.of("ubnd ", "ủy ban ", "uỷ ban ", "thị trấn ");

    public CommuneProperties {
        name = orElse(name, "");
        String lower = name.toLowerCase(VIETNAMESE) + " ";
        if (NOT_A_NAME.stream().anyMatch(lower::startsWith)) {
            throw new IllegalArgumentException("petition.commune.name is the commune's name alone (\"Tân Lập\", not \""
                    + name + "\"); its kind is petition.commune.kind (XA, PHUONG or DAC_KHU), and \"UBND xã Tân"
                    + " Lập\" is derived from the two");
        }
        kind = kind == null ? CommuneKind.XA : kind;
        superiorBody = orElse(superiorBody, "");
        address = orElse(address, "Trụ sở Ủy ban nhân dân " + unit(name, kind, VIETNAMESE));
        phone = orElse(phone, "");
        place = orElse(place, name.isEmpty() ? "……" : name);
        symbol = orElse(symbol, "UBND");
        signatory = signatory == null ? new Signatory(null, null, null) : signatory;
        code = orElse(code, "");
        if (!code.isEmpty() && !Communes.isCode(code)) {
            throw new IllegalArgumentException("petition.commune.code is the commune's code of five digits"
                    + " (mã đơn vị hành chính), not \"" + code + "\"");
        }
    }

    /** The commune as the law names it: "xã Tân Lập", "phường Ba Đình", "đặc khu Côn Đảo"; "Tân Lập commune" in English. */
    public String unit(Locale locale) {
        return unit(name, kind, locale);
    }

    /**
     * Its People's Committee as the pages and the documents' text name it: "UBND xã Tân Lập" ("People's
     * Committee of Tân Lập commune" in English).
     */
    @Override
    public String committee(Locale locale) {
        return english(locale) ? "People's Committee of " + unit(locale) : "UBND " + unit(locale);
    }

    /** The issuing body at the head of every document, in capitals: "ỦY BAN NHÂN DÂN XÃ TÂN LẬP". */
    @Override
    public String body() {
        return ("Ủy ban nhân dân " + unit(VIETNAMESE)).toUpperCase(VIETNAMESE);
    }

    /** Its kind: "xã", "phường", "đặc khu" ("commune", "ward", "special zone"). */
    @Override
    public String level(Locale locale) {
        return kind.word(locale);
    }

    /** A commune as the law names it, from its name and kind (see {@link #unit(Locale)}). */
    public static String unit(String name, CommuneKind kind, Locale locale) {
        if (name.isEmpty()) {
            return english(locale) ? "the " + kind.word(locale) : kind.word(locale);
        }
        return english(locale) ? name + " " + kind.word(locale) : kind.word(locale) + " " + name;
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    /**
     * The signatory: {@code authority} the line above the title when signing for the head ("KT. CHỦ
     * TỊCH"; blank when the chair signs), {@code title} ("CHỦ TỊCH", "PHÓ CHỦ TỊCH"), {@code name}.
     */
    public record Signatory(String authority, String title, String name) {

        public Signatory {
            authority = orElse(authority, "");
            title = orElse(title, "CHỦ TỊCH");
            name = orElse(name, "");
        }
    }

    /** The value stripped and in composed form (NFC), so that capitals and fonts treat each letter as one; or the default. */
    private static String orElse(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
    }
}
