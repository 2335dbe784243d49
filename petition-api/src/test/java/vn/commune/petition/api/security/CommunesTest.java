package vn.commune.petition.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;
import vn.commune.petition.api.print.CommuneKind;
import vn.commune.petition.api.print.CommuneProperties;

/**
 * Every event carries the commune of the account that recorded it: the account's own, else the
 * configured one; an event that carries none is the configured commune's, and nothing stored is
 * rewritten: the chains still verify.
 */
@PetitionServiceTest
@TestPropertySource(properties = {
    "petition.test.context=communes",
    "petition.commune.name=Tân Lập",
    "petition.commune.code=10105",
    // The same password as the demo officer's ("officer"), hashed: configured accounts are never plain.
    "petition.security.users[0].username=officer",
    "petition.security.users[0].password={bcrypt}$2a$10$pJUjvIWspJw7rxwOs5TYBuGCC8GbGZ/PW44SEW5sKI24VSSeO7ZLm",
    "petition.security.users[0].roles=OFFICER",
    "petition.security.users[1].username=canbo",
    "petition.security.users[1].password={bcrypt}$2a$10$pJUjvIWspJw7rxwOs5TYBuGCC8GbGZ/PW44SEW5sKI24VSSeO7ZLm",
    "petition.security.users[1].roles=OFFICER",
    "petition.security.users[1].commune=10106",
    "petition.security.users[2].username=inspector",
    "petition.security.users[2].password={bcrypt}$2a$10$tsvKoQoPUEXh1Rm.FXJ/x.ozzwkYmVxCWbG4L8y2lbQH.LrsjHRMK",
    "petition.security.users[2].roles=INSPECTOR"})
class CommunesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Communes communes;

    private String receive(Api who) {
        Api.Response received = who.post("/api/petitions", Api.petition("2026-10-06", "COMPLAINT", "Đất đai"));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        return received.text("id");
    }

    private String communeOf(String petitionId) {
        return jdbc.sql("""
                        SELECT CAST(convert_from(meta_data, 'UTF8') AS jsonb) ->> 'commune' FROM domainevententry
                         WHERE aggregate_identifier = :id AND sequence_number = 0""")
                .param("id", petitionId).query(String.class).single();
    }

    @Test
    void an_event_carries_the_commune_of_the_account_that_recorded_it() {
        assertThat(communeOf(receive(Api.officer(port)))).as("an account without one: the configured commune")
                .isEqualTo("10105");
        assertThat(communeOf(receive(Api.as(port, "canbo", "officer")))).as("an account of another commune")
                .isEqualTo("10106");
    }

    @Test
    void an_event_that_carries_no_commune_is_the_configured_communes_and_the_chains_still_verify() {
        assertThat(communes.ofEvent(Map.of("recordedBy", "officer"))).isEqualTo("10105");
        assertThat(communes.ofEvent(Map.of("commune", "10106"))).isEqualTo("10106");
        receive(Api.as(port, "canbo", "officer"));
        Api.Response verified = Api.as(port, "inspector").get("/api/audit/verification");
        assertThat(verified.text("status")).as(verified.toString()).isEqualTo("OK");
    }

    @Test
    void a_code_is_five_digits_or_the_service_does_not_start() {
        assertThatThrownBy(() -> new CommuneProperties("Tân Lập", CommuneKind.XA, null, null, null, null, null, null,
                "Tân Lập")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("five digits");
        CommuneProperties commune = new CommuneProperties("Tân Lập", CommuneKind.XA, null, null, null, null, null,
                null, "10105");
        assertThatThrownBy(() -> new Communes(commune, new AccountsProperties(List.of(new AccountsProperties.Account(
                "canbo", "{bcrypt}x", Set.of(Role.OFFICER), "xã B"))))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("canbo");
        assertThat(new Communes(new CommuneProperties("Tân Lập", CommuneKind.XA, null, null, null, null, null, null,
                null), new AccountsProperties(List.of())).of("officer")).as("no code configured: none").isEmpty();
    }
}
