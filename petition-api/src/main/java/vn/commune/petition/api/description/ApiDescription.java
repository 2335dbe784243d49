package vn.commune.petition.api.description;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;
import vn.commune.petition.domain.NamedRule;

/**
 * The API's OpenAPI 3 description ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}):
 * springdoc reads the routes, parameters and bodies from the controllers; this adds the title,
 * HTTP Basic, the Problem Details and the names of the domain's rules, read from its rule enums.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    static final String BASIC = "basic";

    @Bean
    OpenAPI petitionApi(@Value("${spring.application.name:petition-service}") String name) {
        Map<String, List<NamedRule>> rules = domainRules();
        Components components = new Components().addSecuritySchemes(BASIC, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("The service's accounts; each role may do what its rules allow (403 otherwise)"));
        ProblemResponses.describe(components, "A constant of " + String.join(", ", rules.keySet())
                + " (listed in the API's description), or the name of a refusal that is not a rule of the domain");
        String version = ApiDescription.class.getPackage().getImplementationVersion();
        return new OpenAPI()
                .info(new Info()
                        .title("Petition service API (Hệ thống xử lý đơn thư)")
                        .version(version != null ? version : "development")
                        .description(description(rules)))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    private static String description(Map<String, List<NamedRule>> rules) {
        StringBuilder text = new StringBuilder("""
                The citizen petitions of a commune: receive them, record each step of their handling, read \
                them, their history and the counts of any period. Sign in with HTTP Basic. Bodies are JSON, \
                dates ISO `yyyy-MM-dd` in the commune's time zone (Asia/Ho_Chi_Minh).

                Every error is RFC 9457 Problem Details (`application/problem+json`) and writes nothing; each \
                operation lists those it can answer. Steps take `If-Match` (412 when stale) and every write \
                an `Idempotency-Key` (422 when reused with another request).

                A 409 names the broken rule in `rule`. The names are those of the domain's rule enums:
                """);
        rules.forEach((type, constants) -> {
            text.append("\n**").append(type).append("**\n\n");
            constants.forEach(rule -> text.append("- `").append(rule.name()).append("`: ")
                    .append(rule.description()).append('\n'));
        });
        text.append("""

                A refusal that is not a rule of the domain (a step recorded on the same petition at the same \
                moment, a rebuild already running, a report that does not add up) has a `rule` name of its own.
                """);
        return text.toString();
    }

    /** Every enum of named rules in the domain, by its simple name, each with its constants in order. */
    static Map<String, List<NamedRule>> domainRules() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(NamedRule.class));
        Map<String, List<NamedRule>> rules = new TreeMap<>();
        for (BeanDefinition definition : scanner.findCandidateComponents(NamedRule.class.getPackageName())) {
            Class<?> type = ClassUtils.resolveClassName(definition.getBeanClassName(),
                    ApiDescription.class.getClassLoader());
            if (type.isEnum()) {
                rules.put(type.getSimpleName(), Arrays.stream(type.getEnumConstants())
                        .map(NamedRule.class::cast).toList());
            }
        }
        return rules;
    }
}
