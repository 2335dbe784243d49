package vn.commune.petition.projections.rebuild;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * What a projection's handlers write through: an INSERT or UPDATE with named parameters, run at once
 * or held back and sent in batches ({@link DeferredWrites}). Handlers only write: a read would not see
 * what is held back.
 */
@FunctionalInterface
public interface ProjectionWrites {

    void update(String sql, SqlParameterSource parameters);

    /** A write given its parameters one by one, as with JdbcClient: {@code sql(…).param(…).update()}. */
    default Write sql(String sql) {
        return new Write(this, sql, new MapSqlParameterSource());
    }

    record Write(ProjectionWrites writes, String sql, MapSqlParameterSource parameters) {

        public Write param(String name, Object value) {
            parameters.addValue(name, value);
            return this;
        }

        public void update() {
            writes.update(sql, parameters);
        }
    }
}
