package vn.commune.petition.api.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import vn.commune.petition.domain.petition.PetitionKind;

/** Who sees the petitioners of which kind of petition, role by role. */
class PetitionReaderTest {

    private final PetitionReader reader = new PetitionReader(null);

    private static Authentication holding(String... roles) {
        return UsernamePasswordAuthenticationToken.authenticated("someone", null, AuthorityUtils.createAuthorityList(
                Arrays.stream(roles).map(role -> "ROLE_" + role).toArray(String[]::new)));
    }

    @Test
    void the_officers_and_the_chair_see_every_petitioner_and_the_inspector_every_one_but_a_denunciator() {
        for (PetitionKind kind : PetitionKind.values()) {
            assertThat(reader.maySeePetitioners(holding("OFFICER"), kind)).as(kind.name()).isTrue();
            assertThat(reader.maySeePetitioners(holding("CHAIR"), kind)).as(kind.name()).isTrue();
            assertThat(reader.maySeePetitioners(holding("INSPECTOR"), kind)).as(kind.name())
                    .isEqualTo(kind != PetitionKind.DENUNCIATION);
        }
    }

    @Test
    void the_peoples_inspection_board_sees_no_petitioner_of_any_kind_whatever_other_role_it_holds() {
        for (PetitionKind kind : PetitionKind.values()) {
            assertThat(reader.maySeePetitioners(holding("BOARD"), kind)).as(kind.name()).isFalse();
            assertThat(reader.maySeePetitioners(holding("BOARD", "CHAIR"), kind)).as(kind.name()).isFalse();
            assertThat(reader.maySeePetitioners(holding("OFFICER", "BOARD"), kind)).as(kind.name()).isFalse();
        }
    }
}
