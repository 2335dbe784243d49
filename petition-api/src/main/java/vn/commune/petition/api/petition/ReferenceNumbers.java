package vn.commune.petition.api.petition;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Số đơn: the human reference of a petition, {@code 2024-0001}, numbered per year of receipt.
 *
 * <p>The year's counter is one row, so every receipt must lock it. Held to the end of the
 * receiving transaction, that lock made receipts queue behind each other; so the number is taken
 * in a short transaction of its own, which holds the lock for a fraction of a millisecond. It may
 * commit without waiting for the disk: its WAL record precedes the petition's, so once the petition
 * is durable its number is too, and a number lost in a crash belonged to no stored petition. The
 * price: a receipt that fails after taking its number (the database failing mid-request) leaves a
 * gap; refused requests are refused before a number is taken.
 */
@Component
public class ReferenceNumbers {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    ReferenceNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public String next(int year) {
        Integer number = ownTransaction.execute(status -> {
            jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
            return jdbc.sql("""
                    INSERT INTO petition_reference (year, last) VALUES (:year, 1)
                    ON CONFLICT (year) DO UPDATE SET last = petition_reference.last + 1
                    RETURNING last
                    """)
                    .param("year", year)
                    .query(Integer.class)
                    .single();
        });
        return String.format("%d-%04d", year, number);
    }
}
