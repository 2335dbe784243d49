package vn.commune.petition.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import vn.commune.petition.domain.petition.PetitionAnswered;
import vn.commune.petition.domain.petition.PetitionArchived;
import vn.commune.petition.domain.petition.PetitionClosed;
import vn.commune.petition.domain.petition.PetitionEscalated;
import vn.commune.petition.domain.petition.PetitionForwarded;
import vn.commune.petition.domain.petition.PetitionRejected;
import vn.commune.petition.domain.petition.PetitionWithdrawn;
import vn.commune.petition.domain.petition.PetitionerGuided;
import vn.commune.petition.domain.petition.ResolutionTerminated;

/** One of each step that closes a petition, for the projections' tests; it fails if the domain declares another. */
public final class ClosingSteps {

    private ClosingSteps() {
    }

    /** Every closing step of petition {@code id}, each dated {@code on}. */
    public static List<PetitionClosed> of(String id, LocalDate on) {
        List<PetitionClosed> steps = List.of(
                new PetitionAnswered(id, on, "15/TB-UBND", "Đã trả lời"),
                new PetitionEscalated(id, on, null, "UBND huyện", "Hòa giải không thành"),
                new PetitionForwarded(id, on, "Công an huyện", "Không thuộc thẩm quyền"),
                new PetitionerGuided(id, on, "Tòa án nhân dân huyện"),
                new PetitionRejected(id, on, "Đã có quyết định có hiệu lực"),
                new PetitionArchived(id, on, "Đơn trùng nội dung"),
                new PetitionWithdrawn(id, on, "Công dân rút đơn"),
                new ResolutionTerminated(id, on, "Điều 11a Luật Khiếu nại"));
        assertThat(steps.stream().<Class<?>>map(Object::getClass)).as("one of each closing step")
                .containsExactlyInAnyOrder(PetitionClosed.class.getPermittedSubclasses());
        return steps;
    }
}
