package vn.commune.petition.api.petition;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.commune.petition.api.database.CommuneScope;
import vn.commune.petition.api.security.Communes;
import vn.commune.petition.domain.deadline.BusinessDates;

/**
 * Số đơn: the human reference of a petition, {@code 2024-0001}, numbered per commune and per year of
 * receipt from a PostgreSQL sequence: the configured commune's are those of V11 ({@code
 * petition_reference_2024}, one per year of {@link BusinessDates}, the only dates a request may bring);
 * another commune's ({@code petition_reference_10106_2024}) is made on its first receipt of the year. A
 * sequence never makes a receipt wait for another, so receipts do not queue behind a counter. A refused
 * request takes no number; only a receipt that fails after taking one (the database failing
 * mid-request) leaves a gap.
 */
@Component
public class ReferenceNumbers {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Communes communes;
    /** The sequences of other communes known to exist, by name. */
    private final Set<String> made = ConcurrentHashMap.newKeySet();

    ReferenceNumbers(JdbcClient jdbc, DataSource dataSource, Communes communes) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.communes = communes;
    }

    /** The next reference of the signed-in account's commune for a petition received in {@code year}. */
    public String next(int year) {
        if (year < BusinessDates.FIRST_YEAR || year > BusinessDates.LAST_YEAR) {
            throw new IllegalArgumentException("No reference sequence for the year " + year);
        }
        String commune = communes.of(SecurityContextHolder.getContext().getAuthentication().getName());
        // The year is an int within bounds and a commune a code of five digits (Communes): safe to name
        // the sequence with them.
        String sequence = "petition_reference_" + year;
        if (!commune.equals(communes.configured())) {
            sequence = "petition_reference_" + commune + "_" + year;
            if (!made.contains(sequence)) {
                make(sequence);
            }
        }
        long number = jdbc.sql("SELECT nextval('" + sequence + "')").query(Long.class).single();
        return String.format("%d-%04d", year, number);
    }

    /**
     * Makes a commune's sequence for a year, on a connection of its own (the request's, in its commune's
     * scope, may not create one) and committed at once, whatever becomes of the receipt.
     */
    private void make(String sequence) {
        try (CommuneScope.Opened owner = CommuneScope.owner();
             Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SEQUENCE IF NOT EXISTS " + sequence + " MINVALUE 1");
        } catch (SQLException e) {
            // Two first receipts at once: the other made it.
            if (!"23505".equals(e.getSQLState()) && !"42P07".equals(e.getSQLState())) {
                throw new IllegalStateException("Cannot make the reference sequence " + sequence, e);
            }
        }
        made.add(sequence);
    }
}
