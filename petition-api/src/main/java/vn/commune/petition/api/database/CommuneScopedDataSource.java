package vn.commune.petition.api.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import vn.commune.petition.api.security.Communes;
import vn.commune.petition.projections.commune.EventCommune;

/**
 * The service's data source, wrapped so that a connection taken in a CommuneScope runs as the role
 * that row-level security binds, on the scope's communes, and goes back to the pool as the owner's. A
 * connection taken outside any scope is the pool's as it is: no statement is added to it.
 */
@Configuration(proxyBeanMethods = false)
public class CommuneScopedDataSource {

    private static final Logger log = LoggerFactory.getLogger(CommuneScopedDataSource.class);

    /** Every DataSource bean, wrapped. */
    @Bean
    static BeanPostProcessor communeScopedDataSources() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource && !(bean instanceof Scoped) ? new Scoped(dataSource) : bean;
            }
        };
    }

    /** The projections' rule for the commune of an event, as configured here. */
    @Bean
    EventCommune eventCommune(Communes communes) {
        return communes.events();
    }

    /** A data source whose connections taken in a scope run in it. */
    static final class Scoped extends DelegatingDataSource {

        Scoped(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return scoped(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return scoped(super.getConnection(username, password));
        }

        private static Connection scoped(Connection connection) throws SQLException {
            List<String> communes = CommuneScope.current();
            if (communes == null) {
                return connection;
            }
            try {
                CommuneScope.apply(connection, communes);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            InvocationHandler handler = (proxy, method, arguments) -> {
                if (method.getName().equals("close") && method.getParameterCount() == 0) {
                    release(connection);
                    return null;
                }
                if (method.getName().equals("equals") && method.getParameterCount() == 1) {
                    return proxy == arguments[0];
                }
                if (method.getName().equals("hashCode") && method.getParameterCount() == 0) {
                    return System.identityHashCode(proxy);
                }
                try {
                    return method.invoke(connection, arguments);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, handler);
        }

        /** Back to the owner's role, then to the pool; a connection that cannot be reset is not reused. */
        private static void release(Connection connection) throws SQLException {
            try {
                if (!connection.isClosed()) {
                    CommuneScope.clear(connection);
                }
            } catch (SQLException e) {
                log.warn("A connection could not leave its commune scope ({}); closing it", e.getSQLState());
                try {
                    Executor now = Runnable::run;
                    connection.unwrap(Connection.class).abort(now);
                } catch (SQLException | RuntimeException ignored) {
                    // Closed below all the same; the pool drops a connection it finds broken.
                }
            } finally {
                connection.close();
            }
        }
    }
}
