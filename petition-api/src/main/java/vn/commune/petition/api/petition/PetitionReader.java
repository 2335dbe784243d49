package vn.commune.petition.api.petition;

import java.util.List;
import java.util.stream.IntStream;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import vn.commune.petition.api.security.Role;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.petition.Petitioner;
import vn.commune.petition.projections.petition.PetitionView;

/**
 * Who may see a petitioner. A denunciator's identity is confidential (Luật Tố cáo Đ8.3, Đ9.1b,
 * Đ56): only the officers and the chair who handle the case see it; everyone else gets a
 * pseudonymous reference in its place.
 */
@Component
public class PetitionReader {

    /** Whether this reader may see the petitioners of a petition of this kind. */
    public boolean maySeePetitioners(Authentication reader, PetitionKind kind) {
        return kind != PetitionKind.DENUNCIATION || handlesCases(reader);
    }

    public PetitionView forReader(PetitionView view, Authentication reader) {
        if (maySeePetitioners(reader, view.kind())) {
            return view;
        }
        List<Petitioner> hidden = IntStream.rangeClosed(1, view.petitioners().size())
                .mapToObj(n -> new Petitioner("Người tố cáo " + n + " (bảo mật)", null, null, null))
                .toList();
        return view.withPetitioners(hidden);
    }

    private static boolean handlesCases(Authentication reader) {
        return reader.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals("ROLE_" + Role.OFFICER) || a.equals("ROLE_" + Role.CHAIR));
    }
}
