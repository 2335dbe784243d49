package vn.commune.petition.api.counts;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import vn.commune.petition.api.commune.CommuneSettings;
import vn.commune.petition.api.database.CommuneScope;
import vn.commune.petition.api.problem.NotFoundException;
import vn.commune.petition.api.report.ReportPeriod;
import vn.commune.petition.api.security.Communes;
import vn.commune.petition.api.session.ReceptionSchedule;

/**
 * Công khai: the figures a commune publishes of a period (PublicFigures), for the open data of
 * PublicFiguresController and the public page of TransparencyPages alike. Read from the counts and
 * the reception calendar of the commune the request's scope holds (CommuneScopeFilter puts a published
 * request's {@code ?commune=} there); what it hands out holds no person, no reference and no internal id.
 */
@Component
class Transparency {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final Dashboard dashboard;
    private final ReceptionSchedule schedule;
    private final CommuneSettings settings;
    private final Communes communes;

    Transparency(Dashboard dashboard, ReceptionSchedule schedule, CommuneSettings settings, Communes communes) {
        this.dashboard = dashboard;
        this.schedule = schedule;
        this.settings = settings;
        this.communes = communes;
    }

    /**
     * The figures of the commune {@code code} (null: the configured commune) over {@code period}; 404
     * when this deployment holds no such commune.
     */
    PublicFigures figures(String code, ReportPeriod period) {
        requirePublished(code);
        CommuneSettings.Settings commune = settings.ofScope();
        return PublicFigures.of(commune.code(), commune.print().committee(VIETNAMESE), dashboard.figures(period),
                schedule.of(period.from(), period.to()), schedule.months(period.from(), period.to()));
    }

    /**
     * Refuses (404) a commune this deployment holds none of; otherwise the request's scope is already
     * that commune's, as CommuneScopeFilter chose it by the same rule.
     */
    void requirePublished(String code) {
        if (code != null && !(communes.publishes(code) && List.of(code).equals(CommuneScope.current()))) {
            throw new NotFoundException("No commune with this code publishes its figures here");
        }
    }
}
