package vn.commune.petition.api.rejection;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import vn.commune.petition.api.problem.Problems;

/**
 * The firewall Spring Security applies to every request (its strict default), and what answers
 * when it refuses one inside Spring Security's filter chain: 400 in Problem Details, where Spring
 * Security's default lets the exception reach the container as a 500.
 */
@Configuration(proxyBeanMethods = false)
class FirewallConfiguration {

    @Bean
    HttpFirewall httpFirewall() {
        return new StrictHttpFirewall();
    }

    /** By then {@link Firewall} has passed the line and the headers: what is left is a parameter's name. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(Firewall firewall, ObjectMapper json) {
        return (request, response, rejected) -> {
            ProblemDetail refusal = firewall.refusal(request);
            Problems.write(json, response, refusal != null ? refusal : Rejections.refusedParameter());
        };
    }
}
