package vn.commune.petition.api.request;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import vn.commune.petition.api.problem.FieldProblem;
import vn.commune.petition.api.problem.InvalidRequestException;

/**
 * Checks what a request brings besides its JSON fields and headers (the firewall's, see
 * rejection/Firewall), before anything reads it: every query parameter is text {@link Text}
 * allows, the query string is percent-encoded UTF-8 (Tomcat turns what is not into U+FFFD, which
 * would make the request mean something else), and the body is valid UTF-8 (an overlong or a
 * surrogate encoding is not; Java's decoder refuses both, Jackson's does not), checked as it is
 * read. A refusal is a 400 naming the parameter or the body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UntrustedInput extends OncePerRequestFilter {

    /** Tomcat's request attribute set when it could not parse the parameters (Globals.PARAMETER_PARSE_FAILED_ATTR). */
    private static final String PARAMETERS_FAILED = "org.apache.catalina.parameter_parse_failed";

    private final HandlerExceptionResolver problems;

    UntrustedInput(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver handlerExceptionResolver) {
        this.problems = handlerExceptionResolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<FieldProblem> found = new ArrayList<>();
        if (request.getQueryString() != null) {
            Map<String, String[]> parameters = request.getParameterMap();
            if (request.getAttribute(PARAMETERS_FAILED) != null || !percentEncodedUtf8(request.getQueryString())) {
                found.add(new FieldProblem("query", "is not well-formed (percent-encoded UTF-8 name=value pairs)"));
            }
            parameters.forEach((name, values) -> {
                String problem = Text.problemInLine(name);
                if (problem != null) {
                    found.add(new FieldProblem("query", "a parameter name " + problem));
                    return;
                }
                for (String value : values) {
                    problem = problem != null ? problem : Text.problemInLine(value);
                }
                if (problem != null) {
                    found.add(new FieldProblem(name, problem));
                }
            });
        }
        if (!found.isEmpty()) {
            problems.resolveException(request, response, null, new InvalidRequestException(found));
            return;
        }
        if (!jsonInUtf8(request.getContentType())) {
            problems.resolveException(request, response, null, new HttpMediaTypeNotSupportedException(
                    "JSON is UTF-8 (RFC 8259): send application/json without a charset, or with charset=UTF-8"));
            return;
        }
        // A CSV import reads its own bytes, and names the line that is not UTF-8.
        chain.doFilter(json(request.getContentType()) ? new Utf8Body(request) : request, response);
    }

    /**
     * Whether the query string, as sent, is percent-encoded UTF-8. Tomcat decodes it leniently, a
     * byte sequence that is not UTF-8 becoming U+FFFD, so the check is made on what was sent.
     */
    static boolean percentEncodedUtf8(String query) {
        ByteBuffer bytes = ByteBuffer.allocate(query.length() * 4);
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0
                        || Character.digit(query.charAt(i + 2), 16) < 0) {
                    return false;
                }
                bytes.put((byte) Integer.parseInt(query, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(c < 0x100 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** JSON declared in another charset would be decoded in it: JSON is UTF-8, whatever it says. */
    private static boolean jsonInUtf8(String contentType) {
        if (contentType == null) {
            return true;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return true;
        }
        String charset = type.getParameter("charset");
        return !json(contentType) || charset == null || charset.replace("\"", "").equalsIgnoreCase("UTF-8");
    }

    private static boolean json(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The request with its body checked to be UTF-8 as it is read. */
    private static final class Utf8Body extends HttpServletRequestWrapper {

        private ServletInputStream checked;

        Utf8Body(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (checked == null) {
                checked = new CheckedStream(super.getInputStream());
            }
            return checked;
        }
    }

    /** Passes the bytes on, decoding them on the side: the first that is not UTF-8 fails the read. */
    private static final class CheckedStream extends ReadThrough {

        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer pending = ByteBuffer.allocate(8192 + 4);
        private final CharBuffer scratch = CharBuffer.allocate(8192 + 4);

        CheckedStream(ServletInputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0) {
                finish();
            } else {
                check(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                finish();
            } else {
                check(buffer, offset, n);
            }
            return n;
        }

        private void check(byte[] bytes, int offset, int length) throws IOException {
            int at = offset;
            while (at < offset + length) {
                int take = Math.min(pending.remaining(), offset + length - at);
                pending.put(bytes, at, take);
                at += take;
                pending.flip();
                decode(false);
                pending.compact();
            }
        }

        private void finish() throws IOException {
            pending.flip();
            decode(true);
            pending.compact();
        }

        private void decode(boolean last) throws IOException {
            CoderResult result;
            do {
                scratch.clear();
                result = decoder.decode(pending, scratch, last);
                if (result.isError()) {
                    throw new MalformedInputException(result.length());
                }
            } while (result.isOverflow());
        }
    }
}
