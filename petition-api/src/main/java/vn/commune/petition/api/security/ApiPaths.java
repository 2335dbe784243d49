package vn.commune.petition.api.security;

import java.util.Arrays;
import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The paths of the JSON API and what answers like it (HTTP Basic, stateless, Problem Details):
 * everything else is a web page, signed in with a form and a session cookie.
 */
public final class ApiPaths {

    /** As path patterns, for a security matcher or an interceptor's exclusions. */
    public static final String[] PATTERNS = {
        "/api/**", "/actuator/**", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**", "/swagger-ui.html", "/error"};

    private static final List<PathPattern> PARSED = Arrays.stream(PATTERNS)
            .map(PathPatternParser.defaultInstance::parse)
            .toList();

    private ApiPaths() {
    }

    /** Whether this request path (without the query) is the API's rather than a page's. */
    public static boolean isApi(String path) {
        PathContainer container = PathContainer.parsePath(path == null ? "/" : path);
        return PARSED.stream().anyMatch(pattern -> pattern.matches(container));
    }
}
