package vn.commune.petition.api.commune;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.commune.petition.api.print.CommuneKind;
import vn.commune.petition.api.print.CommuneProperties;
import vn.commune.petition.api.security.ProvinceProperties;
import vn.commune.petition.domain.deadline.Complexity;
import vn.commune.petition.domain.deadline.DayCount;
import vn.commune.petition.domain.petition.PetitionKind;

/**
 * What a commune of the province leaves out is the top level's where it may be shared (remote area,
 * calendar, reception days, superior body, symbol), and derived from its own name where it names the
 * commune (address, place, signatory), never the configured commune's; an unknown or missing code is the
 * configured commune.
 */
class CommuneSettingsDefaultsTest {

    private static final CommuneProperties TAN_LAP = new CommuneProperties("Tân Lập", CommuneKind.XA,
            "ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ", "Số 5 đường Tân Lập", "0210 1111 222", null, "UBND",
            new CommuneProperties.Signatory(null, null, "Nguyễn Văn Lập"), "10105");
    private static final LocalDate ACCEPTED_ON = LocalDate.of(2026, 10, 7);

    private static CommuneSettings settings(ProvinceProperties.Member... members) {
        return new CommuneSettings(TAN_LAP, new ProvinceProperties("25", List.of(members)), "", true, 30,
                DayCount.CALENDAR_DAY, 1, 30, List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY));
    }

    private static LocalDate complaintDue(CommuneSettings.Settings commune) {
        return commune.deadlines().resolution(PetitionKind.COMPLAINT, Complexity.NORMAL, ACCEPTED_ON).dueOn();
    }

    @Test
    void a_commune_with_no_settings_of_its_own_shares_the_top_levels_but_prints_its_own_name() {
        CommuneSettings communes = settings(new ProvinceProperties.Member("10106", "Hòa Bình", CommuneKind.PHUONG));
        CommuneSettings.Settings hoaBinh = communes.of("10106");
        assertThat(complaintDue(hoaBinh)).as("the top level's remote area")
                .isEqualTo(complaintDue(communes.configured()));
        assertThat(hoaBinh.receptionDays()).containsExactlyInAnyOrder(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);
        CommuneProperties print = hoaBinh.print();
        assertThat(print.committee(Locale.forLanguageTag("vi"))).isEqualTo("UBND phường Hòa Bình");
        assertThat(print.superiorBody()).isEqualTo("ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ");
        assertThat(print.symbol()).isEqualTo("UBND");
        assertThat(print.address()).isEqualTo("Trụ sở Ủy ban nhân dân phường Hòa Bình");
        assertThat(print.place()).isEqualTo("Hòa Bình");
        assertThat(print.phone()).isEmpty();
        assertThat(print.signatory().name()).as("never the configured commune's chair").isEmpty();
    }

    @Test
    void a_communes_own_settings_are_its_alone() {
        CommuneSettings communes = settings(new ProvinceProperties.Member("10106", "Hòa Bình", CommuneKind.PHUONG,
                false, null, List.of(DayOfWeek.MONDAY), null, null, null, null, null, null));
        assertThat(complaintDue(communes.of("10106"))).as("not remote, where the top level is")
                .isBefore(complaintDue(communes.configured()));
        assertThat(communes.of("10106").receptionDays()).isEqualTo(Set.of(DayOfWeek.MONDAY));
        assertThat(communes.configured().receptionDays()).containsExactlyInAnyOrder(DayOfWeek.TUESDAY,
                DayOfWeek.THURSDAY);
    }

    @Test
    void no_code_or_a_code_not_listed_is_the_configured_commune() {
        CommuneSettings communes = settings(new ProvinceProperties.Member("10106", "Hòa Bình", CommuneKind.PHUONG));
        assertThat(communes.of(null)).isSameAs(communes.configured());
        assertThat(communes.of("10199")).isSameAs(communes.configured());
        assertThat(communes.of("10105").print()).isSameAs(TAN_LAP);
        assertThat(communes.ofScope()).as("outside a request").isSameAs(communes.configured());
    }
}
