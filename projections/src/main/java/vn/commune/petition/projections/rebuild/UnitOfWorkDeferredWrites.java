package vn.commune.petition.projections.rebuild;

import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * The projections' writes. In a processor that has this as its handler interceptor (the counts'),
 * each batch of events gets its own {@link DeferredWrites}, written when the batch prepares to
 * commit, in its transaction, before the token is stored with it: a batch of a hundred events costs
 * a few JDBC batches instead of two hundred round trips, which keeps the counts close behind the
 * writes when the machine is busy. A batch that fails is rolled back with what it held back.
 * Anywhere else (a subscribing projection, a dead letter retried, a test calling a handler), a write
 * runs at once, in the caller's transaction.
 */
@Component
public final class UnitOfWorkDeferredWrites implements ProjectionWrites, MessageHandlerInterceptor<EventMessage<?>> {

    private static final String RESOURCE = UnitOfWorkDeferredWrites.class.getName();

    private final NamedParameterJdbcTemplate jdbc;

    public UnitOfWorkDeferredWrites(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        UnitOfWork<?> batch = unitOfWork.root();
        DeferredWrites writes = batch.getOrComputeResource(RESOURCE, key -> {
            DeferredWrites created = new DeferredWrites();
            batch.onPrepareCommit(committing -> created.take().writeTo(jdbc.getJdbcOperations()));
            return created;
        });
        EventMessage<?> event = unitOfWork.getMessage();
        writes.handling(event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null);
        return interceptorChain.proceed();
    }

    @Override
    public void update(String sql, SqlParameterSource parameters) {
        DeferredWrites writes = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(RESOURCE)
                : null;
        if (writes == null) {
            jdbc.update(sql, parameters);
        } else {
            writes.update(sql, parameters);
        }
    }
}
