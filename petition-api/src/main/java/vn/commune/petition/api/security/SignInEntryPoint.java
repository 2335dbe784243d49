package vn.commune.petition.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request that is not signed in: 429 with {@code Retry-After} when its sign-in was
 * throttled, otherwise 401 asking for Basic credentials; both in Problem Details.
 */
class SignInEntryPoint implements AuthenticationEntryPoint {

    private final ObjectMapper json;

    SignInEntryPoint(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof SignInThrottledException throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            SecurityConfiguration.write(json, response, request.getRequestURI(), HttpStatus.TOO_MANY_REQUESTS,
                    "too-many-sign-ins", "Too many failed sign-ins",
                    "Too many failed sign-ins from this address or on this account; try again in "
                            + throttled.retryAfterSeconds() + " s");
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"petition\", charset=\"UTF-8\"");
        SecurityConfiguration.write(json, response, request.getRequestURI(), HttpStatus.UNAUTHORIZED, "unauthorized",
                "Authentication required", "Sign in with a valid username and password");
    }
}
