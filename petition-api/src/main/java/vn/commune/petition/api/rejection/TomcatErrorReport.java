package vn.commune.petition.api.rejection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Tomcat answers some requests itself, before the application sees them: an oversize header, a
 * malformed request line, an undecodable path ({@code %2f}, {@code %00}), an unsupported HTTP
 * version. Its error report valve wrote those as an HTML page; this one writes Problem Details.
 * Runs after Spring Boot's own customizer, whose valve it replaces.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class TomcatErrorReport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final ObjectMapper json;

    TomcatErrorReport(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            // The host adds a valve of this class on start unless it has one already.
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ProblemReport.class.getName());
            }
            host.getPipeline().addValve(new ProblemReport(json));
        });
    }

    /** An error report valve whose report is RFC 9457 Problem Details, saying no more than the status. */
    static final class ProblemReport extends ErrorReportValve {

        private final ObjectMapper json;

        ProblemReport(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean writable = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
            if (!writable.get()) {
                return;
            }
            try {
                String body = json.writeValueAsString(Rejections.forStatus(status));
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A problem is always writable as JSON", e);
            } catch (IOException | IllegalStateException e) {
                // the client has gone, or the response was committed meanwhile: nothing more to say
            }
        }
    }
}
