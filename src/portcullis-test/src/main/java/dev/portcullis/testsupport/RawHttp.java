package dev.portcullis.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for tests that must set any header (Host, X-Forwarded-For) or compare two answers
 * byte for byte. One request per connection.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** A parsed answer: status, headers in order (names lower-cased), body. */
    public record Response(int status, List<Map.Entry<String, String>> headers, String body) {

        public String header(String name) {
            return headers.stream().filter(h -> h.getKey().equals(name.toLowerCase(Locale.ROOT)))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }

        public List<String> headers(String name) {
            return headers.stream().filter(h -> h.getKey().equals(name.toLowerCase(Locale.ROOT)))
                    .map(Map.Entry::getValue).toList();
        }

        /** Everything except what differs by the moment or the response: the Date header and the CSP nonce. */
        public String withoutVaryingParts() {
            StringBuilder text = new StringBuilder().append(status).append('\n');
            for (Map.Entry<String, String> header : headers) {
                if (!header.getKey().equals("date") && !header.getKey().equals("keep-alive")) {
                    text.append(header.getKey()).append(": ")
                            .append(header.getValue().replaceAll("'nonce-[^']*'", "'nonce-*'")).append('\n');
                }
            }
            return text.append('\n').append(body).toString();
        }
    }

    public static Response get(int port, String path, String... headers) throws IOException {
        return send(port, "GET", path, null, headers);
    }

    /** Sends one request; {@code headers} are "Name: value" lines; Host defaults to localhost. */
    public static Response send(int port, String method, String path, String body, String... headers)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
            boolean host = false;
            for (String header : headers) {
                host |= header.toLowerCase(Locale.ROOT).startsWith("host:");
                request.append(header).append("\r\n");
            }
            if (!host) {
                request.append("Host: localhost\r\n");
            }
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                request.append("Content-Length: ").append(content.length).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    /** Sends {@code request} byte for byte (ISO-8859-1), for requests no client library would send. */
    public static Response sendRaw(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    private static Response parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            headers.add(Map.entry(name, value));
            chunked |= name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked");
        }
        String raw = text.substring(end + 4);
        String body = chunked ? dechunk(raw) : raw;
        return new Response(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String dechunk(String raw) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < raw.length()) {
            int lineEnd = raw.indexOf("\r\n", at);
            int size = Integer.parseInt(raw.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(raw, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }

    /** Unused headers helper kept small: builds a map view when a test wants one. */
    public static Map<String, String> asMap(Response response) {
        Map<String, String> map = new LinkedHashMap<>();
        response.headers().forEach(h -> map.putIfAbsent(h.getKey(), h.getValue()));
        return map;
    }
}
