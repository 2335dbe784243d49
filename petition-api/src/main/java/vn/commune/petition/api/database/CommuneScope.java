package vn.commune.petition.api.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The communes whose rows the work on this thread may see (V18_3). On a request's thread it is the
 * signed-in account's communes (CommuneScopeFilter), and every connection taken meanwhile runs as the
 * role {@value #ROLE}, which PostgreSQL's row-level security keeps on those communes' rows: a query that
 * forgot its commune still cannot return another's petition. Work outside a request (the tracking
 * processors, rebuilds, the daily seal, the migrations) has no scope and runs as the owner of the tables.
 */
public final class CommuneScope {

    /** The role that a scoped connection runs as, bound by the policies of V18_3. */
    static final String ROLE = "petition_request";

    private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();

    private CommuneScope() {
    }

    /** Runs {@code work} seeing only the rows of {@code communes}, then restores the scope it found. */
    public static <T> T within(List<String> communes, Supplier<T> work) {
        try (Opened opened = open(communes)) {
            return work.get();
        }
    }

    /** Sees only the rows of {@code communes} until the returned scope is closed, which restores the one it found. */
    public static Opened open(List<String> communes) {
        List<String> before = CURRENT.get();
        CURRENT.set(List.copyOf(communes));
        return () -> {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        };
    }

    /**
     * Leaves the scope until the returned one is closed: the connections taken meanwhile are the owner's.
     * For the little a request must do beyond its rows (make a commune's sequence), on a connection of its own.
     */
    public static Opened owner() {
        List<String> before = CURRENT.get();
        CURRENT.remove();
        return () -> {
            if (before != null) {
                CURRENT.set(before);
            }
        };
    }

    /** A scope opened on this thread. */
    public interface Opened extends AutoCloseable {

        @Override
        void close();
    }

    /** The scope of this thread; null outside any. */
    public static List<String> current() {
        return CURRENT.get();
    }

    /**
     * Makes a connection just taken from the pool run as {@value #ROLE} on {@code communes}. On a
     * connection in autocommit, as the pool gives them, the settings hold until {@link #clear}.
     */
    static void apply(Connection connection, List<String> communes) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT set_config('petition.communes', ?, false), set_config('role', '" + ROLE + "', false)")) {
            statement.setString(1, arrayLiteral(communes));
            statement.execute();
        }
    }

    /** Returns a connection to the owner's role and no commune, before it goes back to the pool. */
    static void clear(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("RESET ROLE; RESET petition.communes");
        }
    }

    /** The codes as a PostgreSQL array literal, {"10105","10106"}: a code is five digits or blank. */
    static String arrayLiteral(List<String> communes) {
        return communes.stream().map(code -> '"' + code + '"').collect(Collectors.joining(",", "{", "}"));
    }
}
