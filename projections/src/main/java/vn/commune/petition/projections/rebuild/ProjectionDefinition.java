package vn.commune.petition.projections.rebuild;

import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A read model that can be rebuilt from the event store: its name (the Axon processing group), its
 * tables, and how to make a fresh instance of its event handler over a given JdbcClient.
 */
public record ProjectionDefinition(String name, List<String> tables, Function<JdbcClient, Object> handlerFactory) {
}
