package vn.commune.petition.projections.rebuild;

import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The writes of a streaming processor's handlers, batched per unit of work: registered as the
 * processor's handler interceptor, it gives each batch of events its own {@link DeferredWrites},
 * flushed when the batch prepares to commit, in its transaction, before the token is stored with
 * it. A batch of a hundred events then costs a few JDBC batches instead of two hundred round trips,
 * which keeps the counts close behind the writes when the machine is busy.
 *
 * <p>Handlers get a {@code JdbcClient} over this template. Outside a batch (a dead letter retried,
 * a test calling a handler) a write runs at once. A batch that fails is rolled back with what it
 * held back.
 */
public final class UnitOfWorkDeferredWrites extends NamedParameterJdbcTemplate
        implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String RESOURCE = UnitOfWorkDeferredWrites.class.getName();

    private final NamedParameterJdbcTemplate sink;

    public UnitOfWorkDeferredWrites(DataSource dataSource) {
        super(dataSource);
        this.sink = new NamedParameterJdbcTemplate(dataSource);
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        UnitOfWork<?> batch = unitOfWork.root();
        DeferredWrites writes = batch.getOrComputeResource(RESOURCE, key -> {
            DeferredWrites created = new DeferredWrites(sink);
            batch.onPrepareCommit(committing -> created.flush());
            return created;
        });
        EventMessage<?> event = unitOfWork.getMessage();
        writes.handling(event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null);
        return interceptorChain.proceed();
    }

    @Override
    public int update(String sql, SqlParameterSource parameters) {
        DeferredWrites writes = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getResource(RESOURCE)
                : null;
        return writes == null ? sink.update(sql, parameters) : writes.update(sql, parameters);
    }

    @Override
    public int update(String sql, Map<String, ?> parameters) {
        return update(sql, new MapSqlParameterSource(parameters));
    }
}
