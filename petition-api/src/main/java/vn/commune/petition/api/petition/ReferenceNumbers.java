package vn.commune.petition.api.petition;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.commune.petition.domain.deadline.BusinessDates;

/**
 * Số đơn: the human reference of a petition, {@code 2024-0001}, numbered per year of receipt from a
 * PostgreSQL sequence per year (V11: each year of {@link BusinessDates}, the only dates a request may
 * bring). A sequence never makes a receipt wait for another, so receipts do not queue behind a
 * counter. A refused request takes no number; only a receipt that
 * fails after taking one (the database failing mid-request) leaves a gap.
 */
@Component
public class ReferenceNumbers {

    private final JdbcClient jdbc;

    ReferenceNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String next(int year) {
        if (year < BusinessDates.FIRST_YEAR || year > BusinessDates.LAST_YEAR) {
            throw new IllegalArgumentException("No reference sequence for the year " + year);
        }
        // The year is an int within bounds: safe to name the sequence with it.
        long number = jdbc.sql("SELECT nextval('petition_reference_" + year + "')").query(Long.class).single();
        return String.format("%d-%04d", year, number);
    }
}
