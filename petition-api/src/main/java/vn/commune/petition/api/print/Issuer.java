package vn.commune.petition.api.print;

import java.util.Locale;

/**
 * Who issues a document or a report in the format of Nghị định 30: a commune's People's Committee
 * ({@link CommuneProperties}), or, for the report of an account that oversees a province's communes, the
 * province's ({@link ProvinceIssuer}).
 */
public interface Issuer {

    /** The body printed above it, in capitals; blank for none. */
    String superiorBody();

    /** The issuing body at the head, in capitals: "ỦY BAN NHÂN DÂN XÃ TÂN LẬP". */
    String body();

    /** Its part of each number's symbol ("UBND" in "12/TB-UBND"). */
    String symbol();

    /** The place of its date lines. */
    String place();

    /** Who signs. */
    CommuneProperties.Signatory signatory();

    /** Its People's Committee as the text names it: "UBND xã Tân Lập" (in English "People's Committee of …"). */
    String committee(Locale locale);

    /** The level of its People's Council, as the report's recipients name it: "xã", "phường", "tỉnh". */
    String level(Locale locale);
}
