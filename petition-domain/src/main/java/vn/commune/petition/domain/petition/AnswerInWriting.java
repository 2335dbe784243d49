package vn.commune.petition.domain.petition;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Trả lời bằng văn bản: the written answer that resolves and closes the petition. */
public record AnswerInWriting(
        @TargetAggregateIdentifier String petitionId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate answeredOn,
        String documentNumber,
        String summary,
        LocalDate today) {
}
