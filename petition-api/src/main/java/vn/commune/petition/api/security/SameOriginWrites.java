package vn.commune.petition.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing request that a browser sent from another site. A browser keeps the HTTP
 * Basic credentials of this service and sends them with a form another site posts here; it also
 * says where the request came from, in {@code Origin} and {@code Sec-Fetch-Site}, which a page
 * cannot forge. A request whose origin is neither this service's own (as the request addressed it)
 * nor one configured in {@code petition.http.allowed-origins} is answered 403 before it is
 * authenticated. Clients that are not browsers send neither header and are unaffected.
 */
class SameOriginWrites extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final List<String> allowedOrigins;
    private final ObjectMapper json;

    SameOriginWrites(List<String> allowedOrigins, ObjectMapper json) {
        this.allowedOrigins = allowedOrigins.stream().map(SameOriginWrites::normalise).filter(o -> !o.isEmpty()).toList();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod()) || sameOrigin(request)) {
            chain.doFilter(request, response);
            return;
        }
        SecurityConfiguration.write(json, response, request.getRequestURI(), HttpStatus.FORBIDDEN, "cross-origin",
                "Cross-site request refused", "A request that changes data must come from this service's own pages");
    }

    private boolean sameOrigin(HttpServletRequest request) {
        if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String own = normalise(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
        String given = normalise(origin);
        return given.equals(own) || allowedOrigins.contains(given);
    }

    /** {@code scheme://host:port} in lower case with the port always written; "" when it is not an origin. */
    private static String normalise(String origin) {
        try {
            URI uri = new URI(origin.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (URISyntaxException e) {
            return "";
        }
    }
}
