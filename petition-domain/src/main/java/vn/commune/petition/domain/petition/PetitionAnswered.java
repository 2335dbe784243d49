package vn.commune.petition.domain.petition;

import java.time.LocalDate;

/** Đã trả lời bằng văn bản: the written answer resolved the petition. */
public record PetitionAnswered(
        String petitionId,
        LocalDate answeredOn,
        String documentNumber,
        String summary) implements PetitionClosed {

    @Override
    public LocalDate occurredOn() {
        return answeredOn;
    }

    @Override
    public PetitionStatus closedAs() {
        return PetitionStatus.RESOLVED;
    }
}
