package vn.commune.petition.api.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.commune.petition.api.print.CommuneKind;

/**
 * The province ({@code petition.province}) when one deployment serves several of its communes: its code
 * (mã tỉnh, two digits), which an account's {@code commune} names to oversee them all, and its communes,
 * each by its code, name and kind (the per-commune breakdowns name them so). Empty for a deployment of
 * one commune.
 */
@ConfigurationProperties("petition.province")
public record ProvinceProperties(String code, List<Member> communes) {

    public ProvinceProperties {
        code = code == null ? "" : code.strip();
        communes = communes == null ? List.of() : List.copyOf(communes);
        if (!code.isEmpty() && !code.matches("[0-9]{2}")) {
            throw new IllegalArgumentException("petition.province.code is the province's code of two digits (mã tỉnh),"
                    + " not \"" + code + "\"");
        }
        for (Member member : communes) {
            if (!Communes.isCode(member.code())) {
                throw new IllegalArgumentException("petition.province.communes[].code is a commune's code of five"
                        + " digits (mã đơn vị hành chính), not \"" + member.code() + "\"");
            }
        }
    }

    /** One of the province's communes: its code, its name alone ("Tân Lập") and its kind. */
    public record Member(String code, String name, CommuneKind kind) {

        public Member {
            name = name == null ? "" : name.strip();
            kind = kind == null ? CommuneKind.XA : kind;
        }
    }
}
