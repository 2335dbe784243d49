package vn.commune.petition.api.counts;

import java.util.Locale;
import org.springframework.stereotype.Component;
import vn.commune.petition.api.print.CommuneProperties;
import vn.commune.petition.api.report.ReportPeriod;
import vn.commune.petition.api.session.ReceptionSchedule;

/**
 * Công khai: the figures the commune publishes of a period (PublicFigures), for the open data of
 * PublicFiguresController and the public page of TransparencyPages alike. Read from the counts and
 * the reception calendar; what it hands out holds no person, no reference and no internal id.
 */
@Component
class Transparency {

    private final Dashboard dashboard;
    private final ReceptionSchedule schedule;
    private final String commune;

    Transparency(Dashboard dashboard, ReceptionSchedule schedule, CommuneProperties commune) {
        this.dashboard = dashboard;
        this.schedule = schedule;
        this.commune = commune.committee(Locale.forLanguageTag("vi"));
    }

    PublicFigures figures(ReportPeriod period) {
        return PublicFigures.of(commune, dashboard.figures(period), schedule.of(period.from(), period.to()),
                schedule.months(period.from(), period.to()));
    }
}
