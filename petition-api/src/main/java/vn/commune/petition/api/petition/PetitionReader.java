package vn.commune.petition.api.petition;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import vn.commune.petition.api.security.Role;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.petition.Petitioner;
import vn.commune.petition.projections.history.PetitionHistory;
import vn.commune.petition.projections.history.PetitionHistoryQuery;
import vn.commune.petition.projections.petition.PetitionView;

/**
 * Who may see a petitioner, decided here for every read of a petition: its view, every list and
 * download, its history, the register's search by name. A denunciator's identity is confidential
 * (Luật Tố cáo Đ8.3, Đ9.1b, Đ56): only the officers and the chair who handle the case see it. The
 * People's Inspection Board supervises how petitions are handled, not who sent them (Luật Thực hiện
 * dân chủ ở cơ sở 2022 Đ36, Đ38): it sees no petitioner of any kind, whatever other role its account
 * holds. A reader who may not see the petitioners gets a pseudonymous reference for each, with no
 * address, ID number or phone.
 */
@Component
public class PetitionReader {

    private final PetitionHistoryQuery history;

    PetitionReader(PetitionHistoryQuery history) {
        this.history = history;
    }

    /** Whether this reader may see the petitioners of a petition of this kind. */
    public boolean maySeePetitioners(Authentication reader, PetitionKind kind) {
        if (holds(reader, Role.BOARD)) {
            return false;
        }
        return kind != PetitionKind.DENUNCIATION || holds(reader, Role.OFFICER, Role.CHAIR);
    }

    /** The petition as this reader may see it. */
    public PetitionView forReader(PetitionView view, Authentication reader) {
        if (maySeePetitioners(reader, view.kind())) {
            return view;
        }
        String who = view.kind() == PetitionKind.DENUNCIATION ? "Người tố cáo " : "Người gửi đơn ";
        List<Petitioner> hidden = IntStream.rangeClosed(1, view.petitioners().size())
                .mapToObj(n -> new Petitioner(who + n + " (bảo mật)", null, null, null))
                .toList();
        return view.withPetitioners(hidden);
    }

    /**
     * The history of this petition (from the event store) as this reader may see it: every petitioner
     * an event carries left out unless the reader may see them; empty when there is no such petition.
     */
    public Optional<PetitionHistory> history(PetitionView view, Authentication reader) {
        return history.find(view.id(), !maySeePetitioners(reader, view.kind()));
    }

    private static boolean holds(Authentication reader, Role... roles) {
        List<String> names = Arrays.stream(roles).map(role -> "ROLE_" + role).toList();
        return reader.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(names::contains);
    }
}
