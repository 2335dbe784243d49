package vn.commune.petition.api.print;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The commune as its printed documents name it ({@code petition.commune}): the issuing body and the
 * body above it, its address, the place of the date line, the symbol after each number, the signatory.
 *
 * @param name the People's Committee as the pages' header names it ("UBND xã Tân Lập")
 * @param body the issuing body in capitals ("ỦY BAN NHÂN DÂN XÃ TÂN LẬP")
 * @param superiorBody the body directly above it, if one is printed above it; blank for none
 * @param address where the commune receives citizens
 * @param phone the telephone citizens call (blank: none), printed on every receipt beside the address
 * @param place the place name of the date line ("Tân Lập, ngày 05 tháng 3 năm 2024")
 * @param symbol the issuing body's part of each symbol ("UBND" in "12/TB-UBND")
 * @param signatory who signs
 */
@ConfigurationProperties("petition.commune")
public record CommuneProperties(String name, String body, String superiorBody, String address, String phone,
                                String place, String symbol, Signatory signatory) {

    public CommuneProperties {
        name = orElse(name, "UBND xã");
        body = orElse(body, "ỦY BAN NHÂN DÂN XÃ");
        superiorBody = orElse(superiorBody, "");
        address = orElse(address, "");
        phone = orElse(phone, "");
        place = orElse(place, "");
        symbol = orElse(symbol, "UBND");
        signatory = signatory == null ? new Signatory(null, null, null) : signatory;
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

    private static String orElse(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value.strip();
    }
}
