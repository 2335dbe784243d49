package vn.commune.petition.api.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every sign-in, whatever carries it (HTTP Basic, a login form), goes through the
 * AuthenticationManager: this asks the throttle first and tells it how the sign-in went. The
 * client address is the one Spring Security records in the details ({@code request.getRemoteAddr()}).
 */
class ThrottledAuthenticationManager implements AuthenticationManager {

    private final AuthenticationManager delegate;
    private final SignInThrottle throttle;

    ThrottledAuthenticationManager(AuthenticationManager delegate, SignInThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String account = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : null;
        throttle.check(account, address);
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (BadCredentialsException e) {
            throttle.failed(account, address);
            throw e;
        }
        throttle.succeeded(account, address);
        return result;
    }
}
