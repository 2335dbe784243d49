package vn.commune.petition.api.counts;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When the counts change. The counts processor notifies PostgreSQL's channel {@value #CHANNEL} in
 * the transaction of each batch it writes, so the notice is delivered when the batch commits, and to
 * every instance on the same database; one connection of this instance listens on the channel and
 * tells its listeners (the dashboards' streams). PostgreSQL folds the notices of one transaction into
 * one.
 */
@Component
class CountsChanges implements MessageHandlerInterceptor<EventMessage<?>>, SmartLifecycle {

    static final String CHANNEL = "petition_counts";

    private static final Logger LOG = LoggerFactory.getLogger(CountsChanges.class);
    private static final String RESOURCE = CountsChanges.class.getName();
    /** How long one wait for a notice lasts, and the pause before listening again after a failure. */
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private Thread listening;

    CountsChanges(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** {@code listener} runs, on the listening thread, each time the counts have changed. */
    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> batch = unitOfWork.root();
        batch.getOrComputeResource(RESOURCE, key -> {
            batch.onPrepareCommit(committing -> jdbc.execute("NOTIFY " + CHANNEL));
            return Boolean.TRUE;
        });
        return chain.proceed();
    }

    @Override
    public void start() {
        running = true;
        listening = new Thread(this::listen, "counts-changes");
        listening.setDaemon(true);
        listening.start();
    }

    @Override
    public void stop() {
        running = false;
        if (listening != null) {
            listening.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("LISTEN " + CHANNEL);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notices = postgres.getNotifications(WAIT_MILLIS);
                    if (notices != null && notices.length > 0) {
                        listeners.forEach(Runnable::run);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    // The database is down or restarting: listen again once it answers. Type only.
                    LOG.warn("Not listening for counts changes ({}); trying again", e.getClass().getSimpleName());
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
