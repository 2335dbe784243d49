package vn.commune.petition.api.deadline;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.commune.petition.api.commune.CommuneSettings;
import vn.commune.petition.domain.deadline.DeadlinePolicies;

/**
 * The legal clock of each commune: its working-day calendar (the shipped years, corrected by its own
 * file), the statutory deadline rules, and what it decides itself (CommuneSettings). The Petition and
 * Dossier aggregates receive the {@link DeadlinePolicies} as a resource and take their commune's.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {

    @Bean
    DeadlinePolicies deadlinePolicies(CommuneSettings communes) {
        return commune -> communes.of(commune).deadlines();
    }
}
