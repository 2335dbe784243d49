package vn.commune.petition.api.resilience;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte: java.net.http refuses to send the malformed targets,
 * non-ASCII header values and oversize headers this battery needs. One request per connection.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** A header as sent: its value is raw bytes, which need not be ASCII nor even valid UTF-8. */
    record Header(String name, byte[] value) {

        static Header of(String name, String value) {
            return new Header(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A request exactly as it goes on the wire; {@code target} is the raw request-target. */
    record Request(String user, String method, String target, List<Header> headers, byte[] body) {

        /** The same request as a curl command line, to reproduce it by hand. */
        String curl() {
            StringBuilder line = new StringBuilder("curl -i --path-as-is");
            if (user != null) {
                line.append(" -u ").append(user).append(':').append(user);
            }
            if (!method.equals("GET") || body != null) {
                line.append(" -X ").append(shellQuoted(method.getBytes(StandardCharsets.UTF_8)));
            }
            for (Header header : headers) {
                byte[] text = (header.name() + ": ").getBytes(StandardCharsets.UTF_8);
                byte[] all = new byte[text.length + header.value().length];
                System.arraycopy(text, 0, all, 0, text.length);
                System.arraycopy(header.value(), 0, all, text.length, header.value().length);
                line.append(" -H ").append(shellQuoted(all));
            }
            if (body != null) {
                line.append(" --data-binary ").append(bodyQuoted(body));
            }
            return line.append(" ").append(shellQuoted(("http://localhost:8080" + target)
                    .getBytes(StandardCharsets.ISO_8859_1))).toString();
        }

        @Override
        public String toString() {
            return curl();
        }
    }

    /** A response; status -1 when none came within the time allowed. */
    record Response(int status, Map<String, String> headers, byte[] body, long millis) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String contentType() {
            String type = header("Content-Type");
            return type == null ? "" : type;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The status, type and the start of the body, for a failure message. */
        String summary() {
            if (status < 0) {
                return "no answer within " + millis + " ms";
            }
            String text = text();
            return status + " " + (contentType().isEmpty() ? "(no Content-Type)" : contentType()) + " "
                    + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    static Response send(int port, Request request, Duration timeout) {
        long start = System.nanoTime();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes((request.method() + " " + request.target() + " HTTP/1.1\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            head.writeBytes(("Host: localhost:" + port + "\r\nConnection: close\r\n").getBytes(StandardCharsets.US_ASCII));
            if (request.user() != null) {
                head.writeBytes(("Authorization: Basic " + Base64.getEncoder().encodeToString(
                        (request.user() + ":" + request.user()).getBytes(StandardCharsets.UTF_8)) + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            for (Header header : request.headers()) {
                head.writeBytes((header.name() + ": ").getBytes(StandardCharsets.US_ASCII));
                head.writeBytes(header.value());
                head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            if (request.body() != null) {
                head.writeBytes(("Content-Length: " + request.body().length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(head.toByteArray());
                if (request.body() != null) {
                    out.write(request.body());
                }
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before it has read all that was sent: read its answer.
            }
            return read(socket.getInputStream(), request.method().equals("HEAD"), start);
        } catch (SocketTimeoutException e) {
            return new Response(-1, Map.of(), new byte[0], (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            return new Response(-1, Map.of("x-io-error", e.toString()), new byte[0],
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static Response read(InputStream in, boolean head, long start) throws IOException {
        byte[] all = in.readAllBytes();
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            return new Response(-1, Map.of("x-io-error", "incomplete response"), all,
                    (System.nanoTime() - start) / 1_000_000);
        }
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = head ? new byte[0] : java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, body, (System.nanoTime() - start) / 1_000_000);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
            if (lineEnd < 0) {
                break;
            }
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + length + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, pattern, 0);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A body for curl: bash cannot hold a NUL byte in a string, so such a body comes from printf. */
    static String bodyQuoted(byte[] bytes) {
        boolean nul = false;
        for (byte b : bytes) {
            nul |= b == 0;
        }
        if (!nul) {
            return shellQuoted(bytes);
        }
        StringBuilder format = new StringBuilder("@<(printf '");
        for (byte b : bytes) {
            int c = b & 0xff;
            format.append(c >= 0x20 && c < 0x7f && c != '\'' && c != '\\' && c != '%' ? String.valueOf((char) c)
                    : String.format("\\x%02x", c));
        }
        return format.append("')").toString();
    }

    /** Bash's $'…' quoting: printable ASCII as is, every other byte as \xHH; long runs shortened. */
    static String shellQuoted(byte[] bytes) {
        StringBuilder quoted = new StringBuilder("$'");
        List<String> pieces = new ArrayList<>();
        for (byte b : bytes) {
            int c = b & 0xff;
            pieces.add(c == '\'' || c == '\\' ? "\\" + (char) c
                    : c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        for (int i = 0; i < pieces.size(); ) {
            int run = 1;
            while (i + run < pieces.size() && pieces.get(i + run).equals(pieces.get(i))) {
                run++;
            }
            if (run > 20) {
                quoted.append("'\"$(printf '").append(pieces.get(i).replace("%", "%%")).append("%.0s' {1..")
                        .append(run).append("})\"$'");
            } else {
                quoted.append(pieces.get(i).repeat(run));
            }
            i += run;
        }
        return quoted.append('\'').toString();
    }
}
