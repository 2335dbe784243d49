package vn.commune.petition.api.counts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import vn.commune.petition.api.database.CommuneScope;
import vn.commune.petition.api.report.ReportPeriod;

/**
 * The dashboards open on this instance, each a server-sent event stream of its period's figures.
 * When the counts change (CountsChanges), the figures of each period shown are read once and
 * rendered once per language, at most every {@value #TICK_MILLIS} ms, and sent to every dashboard
 * showing them where they changed: a step recorded anywhere reaches every open page within a second,
 * and a burst of steps costs one reading per period (and set of communes seen), not one per page.
 */
@Component
class DashboardStreams implements DisposableBean {

    /** The most dashboards open at once on one instance; past it, a new one is refused (503). */
    static final int MOST = 1000;
    /** How often the figures are sent again, at most. */
    static final long TICK_MILLIS = 100;
    /** A stream ends after this long; the browser opens it again at once. */
    static final Duration LIFETIME = Duration.ofMinutes(30);

    /** An open dashboard, and the figures it was sent last (sent again only when they differ). */
    private static final class Subscriber {

        final ReportPeriod period;
        final Locale locale;
        /** The communes its account sees (CommuneScope): its figures are theirs alone. */
        final List<String> communes;
        final SseEmitter emitter;
        String sent;

        Subscriber(ReportPeriod period, Locale locale, List<String> communes, SseEmitter emitter) {
            this.period = period;
            this.locale = locale;
            this.communes = communes;
            this.emitter = emitter;
        }
    }

    private record Seen(ReportPeriod period, List<String> communes) {
    }

    private record Shown(Seen seen, Locale locale) {
    }

    private final Dashboard dashboard;
    private final SpringTemplateEngine templates;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean changed = new AtomicBoolean();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "dashboard-streams");
        thread.setDaemon(true);
        return thread;
    });

    DashboardStreams(CountsChanges changes, Dashboard dashboard, SpringTemplateEngine templates, MeterRegistry meters) {
        this.dashboard = dashboard;
        this.templates = templates;
        Gauge.builder("petition.dashboard.streams", subscribers, Set::size)
                .description("Dashboards open on this instance, each a live stream of its figures")
                .register(meters);
        changes.onChange(() -> changed.set(true));
        ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(this::keepAlive, 15, 15, TimeUnit.SECONDS);
    }

    /**
     * A stream of {@code period}'s figures in {@code locale}, of the communes the request opening it sees;
     * null when too many are open already.
     */
    SseEmitter open(ReportPeriod period, Locale locale) {
        List<String> communes = CommuneScope.current();
        if (communes == null) {
            throw new IllegalStateException("A dashboard is opened by a request, in its communes' scope");
        }
        if (subscribers.size() >= MOST) {
            return null;
        }
        SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
        Subscriber subscriber = new Subscriber(period, locale, communes, emitter);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        try {
            // Sends the headers at once: the browser counts the stream open only then.
            emitter.send(SseEmitter.event().comment("open"));
        } catch (IOException e) {
            return emitter;
        }
        subscribers.add(subscriber);
        // What changed between the page and its stream is sent at the next tick.
        changed.set(true);
        return emitter;
    }

    /** The figures fragment of the dashboard page, as the page itself renders it. */
    String render(Dashboard.Figures figures, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("figures", figures);
        // An event's data is one line per "data:" field: the fragment goes as one line.
        return templates.process("counts/dashboard", Set.of("figures"), context).replaceAll("[\\r\\n]+", " ");
    }

    private void tick() {
        if (!changed.getAndSet(false) || subscribers.isEmpty()) {
            return;
        }
        Map<Seen, Dashboard.Figures> figures = new HashMap<>();
        Map<Shown, String> rendered = new HashMap<>();
        for (Subscriber subscriber : subscribers) {
            try {
                Seen seen = new Seen(subscriber.period, subscriber.communes);
                String html = rendered.computeIfAbsent(new Shown(seen, subscriber.locale),
                        shown -> render(figures.computeIfAbsent(seen, this::figures), shown.locale()));
                if (!html.equals(subscriber.sent)) {
                    subscriber.emitter.send(SseEmitter.event().name("figures").data(html));
                    subscriber.sent = html;
                }
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(subscriber);
            } catch (RuntimeException e) {
                // The database did not answer: the next change sends the figures again.
                changed.set(true);
                return;
            }
        }
    }

    /** The figures of a period as the communes' own requests see them. */
    private Dashboard.Figures figures(Seen seen) {
        return CommuneScope.within(seen.communes(), () -> dashboard.figures(seen.period()));
    }

    /** A comment line now and then, so that a closed page is noticed and its stream dropped. */
    private void keepAlive() {
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.emitter.send(SseEmitter.event().comment("."));
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(subscriber);
            }
        }
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        subscribers.forEach(subscriber -> subscriber.emitter.complete());
    }
}
