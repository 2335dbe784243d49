package vn.commune.petition.api.rejection;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** What the error page answers to the errors Tomcat forwards to it, whose only news is a status. */
class ErrorPageTest {

    /** The API's errors never reach the HTML error page, so it is not needed here. */
    private final ErrorPage page = new ErrorPage(null);

    private ResponseEntity<ProblemDetail> error(MockHttpServletRequest request) {
        try {
            return page.error(request, new MockHttpServletResponse());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static MockHttpServletRequest forwarded(int status, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, path);
        return request;
    }

    @Test
    void a_forwarded_error_keeps_its_status_in_problem_details() {
        ResponseEntity<ProblemDetail> bad = error(forwarded(400, "/api/petitions"));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(bad.getBody().getType()).isEqualTo(URI.create("/problems/malformed-request"));
        assertThat(bad.getBody().getInstance()).isEqualTo(URI.create("/api/petitions"));

        assertThat(error(forwarded(405, "/api/petitions")).getBody().getTitle()).isEqualTo("Method Not Allowed");
        assertThat(error(forwarded(500, "/api/petitions")).getBody().getType())
                .isEqualTo(URI.create("/problems/internal"));
    }

    @Test
    void asked_for_directly_it_is_404() {
        ResponseEntity<ProblemDetail> direct = error(new MockHttpServletRequest("GET", "/error"));
        assertThat(direct.getStatusCode().value()).isEqualTo(404);
        assertThat(direct.getBody().getType()).isEqualTo(URI.create("/problems/not-found"));
    }
}
