package vn.commune.petition.api.security;

import java.time.DayOfWeek;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import vn.commune.petition.api.print.CommuneKind;
import vn.commune.petition.api.print.CommuneProperties;
import vn.commune.petition.api.print.ProvinceKind;

/**
 * The province ({@code petition.province}) when one deployment serves several of its communes: its code
 * (mã tỉnh, two digits), which an account's {@code commune} names to oversee them all; its name alone
 * ("Phú Thọ") and kind (tỉnh or thành phố), which head such an account's report and pages; and its
 * communes, each by its code, name and kind (the per-commune breakdowns name them so) and, optionally, its
 * own settings (CommuneSettings says what each falls back to). Empty for a deployment of one commune.
 */
@ConfigurationProperties("petition.province")
public record ProvinceProperties(String code, String name, ProvinceKind kind, List<Member> communes) {

    @ConstructorBinding
    public ProvinceProperties {
        code = code == null ? "" : code.strip();
        name = name == null ? "" : name.strip();
        kind = kind == null ? ProvinceKind.TINH : kind;
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

    /** A province of this code and these communes, its name unset. */
    public ProvinceProperties(String code, List<Member> communes) {
        this(code, null, null, communes);
    }

    /**
     * One of the province's communes: its code, its name alone ("Tân Lập") and its kind; and, null where
     * not set, its own settings: whether it is a remote area, its file of calendar corrections (the
     * format of {@code petition.calendar.overrides}), its reception days, and what its documents print
     * (as {@code petition.commune} has them).
     */
    public record Member(String code, String name, CommuneKind kind, Boolean remoteArea, String calendarOverrides,
                         List<DayOfWeek> receptionDays, String superiorBody, String address, String phone,
                         String place, String symbol, CommuneProperties.Signatory signatory) {

        @ConstructorBinding
        public Member {
            name = name == null ? "" : name.strip();
            kind = kind == null ? CommuneKind.XA : kind;
            receptionDays = receptionDays == null || receptionDays.isEmpty() ? null : List.copyOf(receptionDays);
        }

        /** A commune named only, with no settings of its own. */
        public Member(String code, String name, CommuneKind kind) {
            this(code, name, kind, null, null, null, null, null, null, null, null, null);
        }
    }
}
