package vn.commune.petition.api.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/**
 * A read model is read back as it was stored, with the projections' own JSON mapper: what the web's
 * mapper does to a request body (text stripped, an enum's name only as written) never touches it. Uses
 * the year 2006.
 */
@PetitionServiceTest
class ProjectionJsonTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_read_model_is_read_as_stored_not_as_a_request_body() {
        Api.Response received = Api.officer(port).post("/api/petitions", Api.petition("2006-03-06", "FEEDBACK",
                "Điện"));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        String id = received.text("id");
        jdbc.sql("UPDATE petition_view SET petitioners = CAST(:petitioners AS jsonb) WHERE id = :id")
                .param("petitioners", "[{\"fullName\":\" Phạm Thị Hoa \",\"address\":\"\",\"idNumber\":null,"
                        + "\"phone\":null}]")
                .param("id", id)
                .update();
        JsonNode petitioner = Api.officer(port).get("/api/petitions/" + id).json().path("petitioners").path(0);
        assertThat(petitioner.path("fullName").asText()).isEqualTo(" Phạm Thị Hoa ");
        assertThat(petitioner.path("address").isTextual()).as(petitioner.toString()).isTrue();
    }
}
