package vn.commune.petition.api.database;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL refuses a port something already listens on, instead of taking whatever
 * answers there for the server it started.
 */
class EmbeddedPortTest {

    @Test
    void a_port_in_use_is_refused_with_its_number_and_a_free_one_is_not() throws Exception {
        int port;
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = taken.getLocalPort();
            assertThatThrownBy(() -> EmbeddedDatabaseConfiguration.refuseIfTaken(port))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Port " + port + " is already in use");
        }
        assertThatCode(() -> EmbeddedDatabaseConfiguration.refuseIfTaken(port)).doesNotThrowAnyException();
    }
}
