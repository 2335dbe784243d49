package vn.commune.petition.api.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The commune's name and kind are the configuration; every other way of naming it is derived from them. */
class CommunePropertiesTest {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private static CommuneProperties commune(String name, CommuneKind kind) {
        return new CommuneProperties(name, kind, null, null, null, null, null, null, null);
    }

    @Test
    void a_xa_is_named_ubnd_xa_and_heads_its_documents_in_vietnamese_capitals() {
        CommuneProperties tanLap = commune("Tân Lập", CommuneKind.XA);
        assertThat(tanLap.committee(VI)).isEqualTo("UBND xã Tân Lập");
        assertThat(tanLap.body()).isEqualTo("ỦY BAN NHÂN DÂN XÃ TÂN LẬP");
        assertThat(tanLap.unit(VI)).isEqualTo("xã Tân Lập");
        assertThat(tanLap.place()).isEqualTo("Tân Lập");
        assertThat(tanLap.address()).isEqualTo("Trụ sở Ủy ban nhân dân xã Tân Lập");
        assertThat(tanLap.committee(Locale.ENGLISH)).isEqualTo("People's Committee of Tân Lập commune");
    }

    @Test
    void a_phuong_is_named_ubnd_phuong() {
        CommuneProperties baDinh = commune("Ba Đình", CommuneKind.PHUONG);
        assertThat(baDinh.committee(VI)).isEqualTo("UBND phường Ba Đình");
        assertThat(baDinh.body()).isEqualTo("ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH");
        assertThat(baDinh.place()).isEqualTo("Ba Đình");
        assertThat(baDinh.committee(Locale.ENGLISH)).isEqualTo("People's Committee of Ba Đình ward");
    }

    @Test
    void a_dac_khu_is_named_ubnd_dac_khu() {
        CommuneProperties conDao = commune("Côn Đảo", CommuneKind.DAC_KHU);
        assertThat(conDao.committee(VI)).isEqualTo("UBND đặc khu Côn Đảo");
        assertThat(conDao.body()).isEqualTo("ỦY BAN NHÂN DÂN ĐẶC KHU CÔN ĐẢO");
        assertThat(conDao.unit(Locale.ENGLISH)).isEqualTo("Côn Đảo special zone");
    }

    @Test
    void every_diacritic_survives_the_capitals_even_when_the_name_was_typed_decomposed() {
        String decomposed = Normalizer.normalize("Quỳnh Hưng Đức Ứng", Normalizer.Form.NFD);
        CommuneProperties commune = commune(decomposed, CommuneKind.XA);
        assertThat(commune.body()).isEqualTo("ỦY BAN NHÂN DÂN XÃ QUỲNH HƯNG ĐỨC ỨNG");
        assertThat(commune.committee(VI)).isEqualTo("UBND xã Quỳnh Hưng Đức Ứng");
    }

    @Test
    void a_commune_configured_by_nothing_is_a_xa_with_no_name() {
        CommuneProperties unnamed = commune(null, null);
        assertThat(unnamed.kind()).isEqualTo(CommuneKind.XA);
        assertThat(unnamed.committee(VI)).isEqualTo("UBND xã");
        assertThat(unnamed.body()).isEqualTo("ỦY BAN NHÂN DÂN XÃ");
        assertThat(unnamed.place()).isEqualTo("……");
        assertThat(unnamed.address()).isEqualTo("Trụ sở Ủy ban nhân dân xã");
        assertThat(unnamed.symbol()).isEqualTo("UBND");
        assertThat(unnamed.signatory().title()).isEqualTo("CHỦ TỊCH");
    }

    @Test
    void a_place_and_an_address_configured_are_kept() {
        CommuneProperties commune = new CommuneProperties("Tân Lập", CommuneKind.XA, "ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ",
                "Nhà văn hóa thôn Đồng Tâm", null, "Đồng Tâm", null, null, null);
        assertThat(commune.place()).isEqualTo("Đồng Tâm");
        assertThat(commune.address()).isEqualTo("Nhà văn hóa thôn Đồng Tâm");
        assertThat(commune.superiorBody()).isEqualTo("ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ");
    }

    @Test
    void a_name_that_still_carries_its_committee_or_its_kind_is_refused() {
        for (String old : new String[] {"UBND xã Tân Lập", "Ủy ban nhân dân xã Tân Lập", "UỶ BAN NHÂN DÂN PHƯỜNG 1",
                "Thị trấn Bình Dương", "UBND xã"}) {
            assertThatThrownBy(() -> commune(old, CommuneKind.XA)).as(old)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("petition.commune.kind");
        }
    }

    @Configuration
    @EnableConfigurationProperties(CommuneProperties.class)
    static class Bound {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void the_kind_is_bound_from_its_name_in_the_configuration() {
        context.withPropertyValues("petition.commune.name=Côn Đảo", "petition.commune.kind=dac-khu").run(bound ->
                assertThat(bound.getBean(CommuneProperties.class).body()).isEqualTo("ỦY BAN NHÂN DÂN ĐẶC KHU CÔN ĐẢO"));
    }

    @Test
    void an_old_configuration_stops_the_start_saying_how_to_write_it() {
        context.withPropertyValues("petition.commune.name=UBND xã Tân Lập").run(failed -> {
            assertThat(failed).hasFailed();
            assertThat(failed.getStartupFailure()).rootCause().hasMessageContaining("the commune's name alone")
                    .hasMessageContaining("petition.commune.kind");
        });
    }
}
