package vn.commune.petition.api.rejection;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import vn.commune.petition.api.problem.FieldProblem;
import vn.commune.petition.api.problem.Problems;

/** The Problem Details of requests refused outside Spring MVC; none repeats what the request carried but a header's name. */
final class Rejections {

    /** A header name worth naming back: a plain token, as every header this service reads is. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private Rejections() {
    }

    /** The firewall refused the path, the method or the host. */
    static ProblemDetail refusedRequestLine() {
        return Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "The method or the path is not accepted: paths have no '//', '/./', '/../', ';', '\\\\',"
                        + " encoded '/', '\\\\', '%' or '.', and no control characters");
    }

    /** A header whose name or value has characters a header may not carry (control characters). */
    static ProblemDetail refusedHeader(String name) {
        if (name == null || !PLAIN_NAME.matcher(name).matches()) {
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "A header's name has characters that are not allowed");
        }
        String header = canonical(name);
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "The header " + header + " has characters that are not allowed");
        problem.setProperty("errors", List.of(new FieldProblem(header,
                "has characters a header may not carry: send printable ASCII")));
        return problem;
    }

    /** Something else the firewall refused once the request was under way: a parameter's name. */
    static ProblemDetail refusedParameter() {
        return Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "A parameter's name or a header has characters that are not allowed");
    }

    /**
     * What answers a status set by the container itself (Tomcat, or {@code sendError}), which
     * says nothing more than its status: the request could not be read far enough for more.
     */
    static ProblemDetail forStatus(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null || code < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return switch (status) {
            case BAD_REQUEST -> Problems.of(status, "malformed-request", "Malformed request",
                    "The request could not be read: its request line, a header or its path is malformed or too large");
            case NOT_FOUND -> Problems.of(status, "not-found", "Not found", "Nothing is at this address");
            case PAYLOAD_TOO_LARGE -> Problems.of(status, "too-large", "Request too large",
                    "The body is larger than this service accepts");
            case INTERNAL_SERVER_ERROR -> Problems.of(status, "internal", "Internal error",
                    "Something went wrong on our side; nothing was written");
            case SERVICE_UNAVAILABLE -> Problems.of(status, "unavailable", "Service unavailable",
                    "The service cannot answer now; nothing was written. Retry shortly.");
            default -> Problems.of(status, status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-'),
                    status.getReasonPhrase(), status.getReasonPhrase());
        };
    }

    /** {@code idempotency-key} as {@code Idempotency-Key}: Tomcat hands names over in lower case. */
    private static String canonical(String name) {
        StringBuilder canonical = new StringBuilder(name.length());
        boolean start = true;
        for (char c : name.toCharArray()) {
            canonical.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = c == '-';
        }
        return canonical.toString();
    }
}
