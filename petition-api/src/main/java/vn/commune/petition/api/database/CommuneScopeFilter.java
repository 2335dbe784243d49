package vn.commune.petition.api.database;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.commune.petition.api.security.Communes;

/**
 * Every request runs in a CommuneScope, just after the security filters have said who it is: a signed-in
 * account's communes (Communes.scopeOf); for what is published, the commune its {@code ?commune=} names
 * (Communes.publishedScope); for the other public pages and lookups, the configured commune.
 */
@Configuration(proxyBeanMethods = false)
public class CommuneScopeFilter {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> communeScope(Communes communes) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws ServletException, IOException {
                        Authentication user = SecurityContextHolder.getContext().getAuthentication();
                        // What the commune publishes is the same for everyone, signed in or not (and cached so).
                        boolean published = request.getRequestURI().startsWith(request.getContextPath() + "/public/")
                                || request.getRequestURI().startsWith(request.getContextPath() + "/api/public/");
                        List<String> scope = published ? communes.publishedScope(request.getParameter("commune"))
                                : user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken
                                ? communes.publicScope() : communes.scopeOf(user.getName());
                        try (CommuneScope.Opened opened = CommuneScope.open(scope)) {
                            chain.doFilter(request, response);
                        }
                    }
                });
        // Just after Spring Security's chain, which says who the request is.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
