package vn.commune.petition.api.petition;

import java.time.LocalDate;

/** The body of a step on a petition: it makes the step's command. */
public interface StepRequest {

    /**
     * The command for petition {@code petitionId}, expected at {@code version} (null: whatever its
     * version), on the commune's {@code today}.
     */
    Object command(String petitionId, Long version, LocalDate today);
}
