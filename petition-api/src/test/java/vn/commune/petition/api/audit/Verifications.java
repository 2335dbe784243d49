package vn.commune.petition.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import vn.commune.petition.api.Api;

/** A verification of a projection through HTTP, as an inspector runs one: started, waited for, read. */
final class Verifications {

    private Verifications() {
    }

    /** Starts a verification as {@code role}, waits for it to end, and returns its progress, with what it found. */
    static Api.Response verify(int port, String role, String projection) {
        Api api = Api.as(port, role);
        String progress = "/api/admin/projections/" + projection + "/verification";
        Api.Response started = api.post(progress, "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.header("Location")).isEqualTo(progress);
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(api.get(progress).text("state")));
        Api.Response ended = api.get(progress);
        assertThat(ended.text("state")).as(ended.toString()).isEqualTo("DONE");
        return ended;
    }

    /** What a verification run as {@code role} found: MATCH or DIFFERENT. */
    static String status(int port, String role, String projection) {
        return verify(port, role, projection).json().path("verification").path("status").asText();
    }
}
