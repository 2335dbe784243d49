package vn.commune.petition.api.petition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.commune.petition.api.deadline.BusinessDate;
import vn.commune.petition.domain.petition.AnswerInWriting;

/** The body of {@code POST /api/petitions/{id}/written-answer}. */
public record WrittenAnswerRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate answeredOn,
        @NotBlank @Size(max = 100) String documentNumber,
        @NotBlank @Size(max = 4000) String summary) implements StepRequest {

    @Override
    public AnswerInWriting command(String petitionId, Long version, LocalDate today) {
        return new AnswerInWriting(petitionId, version, answeredOn, documentNumber, summary, today);
    }
}
