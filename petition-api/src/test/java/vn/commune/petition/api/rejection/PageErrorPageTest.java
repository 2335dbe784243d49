package vn.commune.petition.api.rejection;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import vn.commune.petition.api.pages.PageTest;

/**
 * An error Tomcat forwards for a web page's address (a page that failed to render, say) is the
 * HTML error page in the reader's language; for the API's addresses it stays Problem Details.
 */
@PageTest
class PageErrorPageTest {

    @Autowired
    ErrorPage page;

    private MockHttpServletResponse forwarded(int status, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        var answer = page.error(request, response);
        if (answer != null) {
            response.setStatus(answer.getStatusCode().value());
            response.setContentType(String.valueOf(answer.getHeaders().getContentType()));
        }
        return response;
    }

    @Test
    void a_page_that_failed_is_answered_with_the_html_error_page() throws Exception {
        MockHttpServletResponse failed = forwarded(500, "/petitions/0b6c1c6e-6f3c-4c55-9c1e-6a8f1b1d8a10");
        assertThat(failed.getStatus()).isEqualTo(500);
        assertThat(failed.getContentType()).startsWith("text/html");
        assertThat(failed.getContentAsString()).contains("<html lang=\"vi\">").contains("Lỗi hệ thống")
                .contains("chưa có gì được ghi nhận");

        MockHttpServletResponse tooLarge = forwarded(413, "/petitions/0b6c1c6e-6f3c-4c55-9c1e-6a8f1b1d8a10/acceptance");
        assertThat(tooLarge.getStatus()).isEqualTo(413);
        assertThat(tooLarge.getContentAsString()).as("read as the nearest it explains").contains("Yêu cầu không hợp lệ");
    }

    @Test
    void the_api_keeps_problem_details() throws Exception {
        MockHttpServletResponse api = forwarded(500, "/api/petitions");
        assertThat(api.getStatus()).isEqualTo(500);
        assertThat(api.getContentType()).startsWith("application/problem+json");
    }
}
