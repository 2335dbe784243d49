package vn.commune.petition.api.petition;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import vn.commune.petition.api.deadline.BusinessDate;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.petition.PetitionStatus;

/** The query of {@code GET /api/petitions}: every filter optional; pages count from 0. */
record ListPetitionsParams(
        PetitionStatus status,
        PetitionKind kind,
        @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        @Min(0) Integer page,
        @Min(1) @Max(200) Integer size) {

    int pageOrDefault() {
        return page == null ? 0 : page;
    }

    int sizeOrDefault() {
        return size == null ? 20 : size;
    }

    @AssertTrue(message = "from must not be after to")
    boolean isPeriodOrdered() {
        return from == null || to == null || !from.isAfter(to);
    }
}
