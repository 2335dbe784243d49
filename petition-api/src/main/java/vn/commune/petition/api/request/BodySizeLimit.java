package vn.commune.petition.api.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.commune.petition.api.problem.Problems;

/**
 * No request body is larger than a petition: one whose declared length is over the limit is
 * refused with 413 before it is read, and one without a declared length is cut off at the limit
 * and refused with the same 413 (ProblemHandling answers the {@link BodyTooLargeException}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimit extends OncePerRequestFilter {

    private final long defaultLimit;
    private final long importLimit;
    private final long scanLimit;
    private final ObjectMapper json;

    /** A scan's upload, by the API or a page (with its form's few fields around the file). */
    private static final Pattern SCAN =
            Pattern.compile("(/api)?/petitions/[0-9a-f-]{36}/handed-over/[0-9]{1,4}/scan");

    /**
     * A CSV import of dossiers may be larger than a petition ({@code petition.http.max-import-bytes}), and
     * a document's scan larger still ({@code petition.http.max-scan-bytes}).
     */
    BodySizeLimit(@Value("${petition.http.max-body-bytes:1048576}") long limit,
                  @Value("${petition.http.max-import-bytes:8388608}") long importLimit,
                  @Value("${petition.http.max-scan-bytes:10485760}") long scanLimit, ObjectMapper json) {
        this.defaultLimit = limit;
        this.importLimit = importLimit;
        this.scanLimit = scanLimit;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        long limit = path.equals("/api/dossiers/import") ? importLimit
                : SCAN.matcher(path).matches() ? scanLimit : defaultLimit;
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setHeader(HttpHeaders.CONNECTION, "close");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), tooLarge(limit, request.getRequestURI()));
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, limit) : request, response);
    }

    /** The 413 answer, whether the body declared its length or passed the limit while it was read. */
    static ProblemDetail tooLarge(long limit, String path) {
        ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Request too large",
                "The body is larger than " + limit + " bytes");
        problem.setInstance(URI.create(path));
        return problem;
    }

    /** A body of undeclared length, whose reading fails with {@link BodyTooLargeException} once it passes the limit. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String charset = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    charset == null ? StandardCharsets.ISO_8859_1 : Charset.forName(charset)));
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            return new ReadThrough(super.getInputStream()) {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0 && ++read > limit) {
                        throw new BodyTooLargeException(limit);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0 && (read += n) > limit) {
                        throw new BodyTooLargeException(limit);
                    }
                    return n;
                }
            };
        }
    }
}
