package vn.commune.petition.api.rejection;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.commune.petition.api.page.ErrorView;
import vn.commune.petition.api.problem.Problems;
import vn.commune.petition.api.security.ApiPaths;

/**
 * The page Tomcat forwards an error to when nothing answered it yet ({@code sendError}, an
 * exception out of a filter or out of a page's rendering): Problem Details with the status it was
 * given, or, for a web page's address, the HTML error page (ErrorView). Asked for directly, it is
 * not there (404), where Spring Boot's default page answered anyone with a 500.
 */
@RestController
class ErrorPage implements ErrorController {

    private final ErrorView pages;

    ErrorPage(ErrorView pages) {
        this.pages = pages;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) throws Exception {
        ProblemDetail problem;
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status
                && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String page
                && !ApiPaths.isApi(page) && !response.isCommitted()) {
            pages.render(request, response, HttpStatus.valueOf(status >= 400 ? status : 500));
            return null;
        }
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status) {
            problem = Rejections.forStatus(status);
            if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
                instance(problem, path);
            }
        } else {
            problem = Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "Nothing is at this address");
            instance(problem, request.getRequestURI());
        }
        // The content type is set here so that no Accept header, however malformed, can turn it into a 406.
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static void instance(ProblemDetail problem, String path) {
        try {
            problem.setInstance(new URI(path));
        } catch (URISyntaxException e) {
            // a path that is not a URI is not repeated
        }
    }
}
