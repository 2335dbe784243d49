package vn.commune.petition.api.rejection;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Enumeration;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.commune.petition.api.problem.Problems;

/**
 * Spring Security's firewall applied to the whole request at once, just before Spring Security.
 * The firewall checks a header only when something reads it, which refuses a request halfway
 * through the application, in whatever code reads that header first, with the header's value in
 * the exception and so in the log. Here every header is read once, up front, and a refused request
 * is answered 400 naming the header.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 1)
class Firewall extends OncePerRequestFilter {

    private final HttpFirewall firewall;
    private final ObjectMapper json;

    Firewall(HttpFirewall firewall, ObjectMapper json) {
        this.firewall = firewall;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ProblemDetail refusal = refusal(request);
        if (refusal != null) {
            Problems.write(json, response, refusal);
            return;
        }
        chain.doFilter(request, response);
    }

    /** What the firewall refuses in this request's line or headers, or null if nothing. */
    ProblemDetail refusal(HttpServletRequest request) {
        HttpServletRequest checked;
        try {
            checked = firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException e) {
            return Rejections.refusedRequestLine();
        }
        Enumeration<String> names = checked.getHeaderNames();
        while (true) {
            String name;
            try {
                if (!names.hasMoreElements()) {
                    return null;
                }
                name = names.nextElement();
            } catch (RequestRejectedException e) {
                return Rejections.refusedHeader(null);
            }
            try {
                for (Enumeration<String> values = checked.getHeaders(name); values.hasMoreElements(); ) {
                    values.nextElement();
                }
            } catch (RequestRejectedException e) {
                ProblemDetail refusal = Rejections.refusedHeader(name);
                // The path passed the firewall above: it is a URI, and the client's own.
                refusal.setInstance(URI.create(request.getRequestURI()));
                return refusal;
            }
        }
    }
}
