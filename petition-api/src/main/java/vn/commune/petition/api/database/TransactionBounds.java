package vn.commune.petition.api.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.commune.petition.api.eventstore.AxonConfiguration;

/**
 * Which transactions run without the bounds every connection puts on them (the statement, idle and
 * transaction timeouts of {@code petition.db}): those that cannot store an event, and may run long.
 *
 * <p>The bounds are there so that no transaction stores an event and commits it after the counts
 * have stopped waiting for it (AxonConfiguration.storageEngines). A read-only transaction cannot
 * store one, since PostgreSQL refuses any write in it, and may read for minutes (an audit
 * verification, an export); a rebuild or a verification writes only its copy of a read model.
 * Each lifts the bounds for itself alone, with {@code SET LOCAL}, when it begins.
 */
@Configuration(proxyBeanMethods = false)
public class TransactionBounds {

    /** The name that marks a transaction as storing no event, whatever it writes. */
    static final String UNBOUNDED = "no-events";

    /** Statements, not a query: a transaction may still take another's snapshot after them. */
    private static final String LIFT = "SET LOCAL statement_timeout = 0;"
            + " SET LOCAL idle_in_transaction_session_timeout = 0; SET LOCAL transaction_timeout = 0";

    /** Transactions that store no event, whatever they write, and run without the bounds. */
    public static TransactionTemplate unbounded(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setName(UNBOUNDED);
        return template;
    }

    /** Spring Boot's own transaction manager, but for where the bounds are lifted. */
    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource,
                                              ObjectProvider<TransactionManagerCustomizers> customizers) {
        JdbcTransactionManager manager = new JdbcTransactionManager(dataSource) {
            @Override
            protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
                    throws SQLException {
                super.prepareTransactionalConnection(connection, definition);
                if (definition.isReadOnly() || UNBOUNDED.equals(definition.getName())) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(LIFT);
                    }
                }
            }
        };
        // SET TRANSACTION READ ONLY: PostgreSQL itself keeps a read-only transaction from writing.
        manager.setEnforceReadOnly(true);
        customizers.ifAvailable(all -> all.customize(manager));
        return manager;
    }
}
