package vn.commune.petition.api.petition;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Số đơn: the human reference of a petition, {@code 2024-0001}, numbered per year of receipt. Taken
 * in the transaction that stores the petition, so a refused petition leaves no gap.
 */
@Component
public class ReferenceNumbers {

    private final JdbcClient jdbc;

    ReferenceNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(int year) {
        int number = jdbc.sql("""
                INSERT INTO petition_reference (year, last) VALUES (:year, 1)
                ON CONFLICT (year) DO UPDATE SET last = petition_reference.last + 1
                RETURNING last
                """)
                .param("year", year)
                .query(Integer.class)
                .single();
        return String.format("%d-%04d", year, number);
    }
}
