package dev.portcullis.perimeter.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import dev.portcullis.perimeter.IpRange;

/**
 * The one place that decides who a request comes from and whether it came over HTTPS. The socket's peer is the
 * client, unless that peer is one of {@code portcullis.trusted-proxies}: then X-Forwarded-For (or the standard
 * Forwarded header) is read from the right, past every trusted proxy, to the first address we do not trust.
 * An address a client wrote into those headers itself is never believed.
 *
 * <p>Every request passes {@link ForwardedRequestFilter} first, which puts the result in place: after it,
 * {@code request.getRemoteAddr()} and {@code request.isSecure()} are the resolved values everywhere (sign-in
 * throttling, session records, the honeypot, the admin's network rules).
 */
public final class ClientAddressResolver {

    private final List<IpRange> trustedProxies;

    public ClientAddressResolver(List<IpRange> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /** The client's address for a request as it arrived from the socket. */
    public String clientAddress(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!trusted(peer)) {
            return peer;
        }
        List<String> hops = forwardedFor(request);
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (IpRange.literal(hop) == null) {
                break; // garbage or an obfuscated identifier: the last proxy we trust is as far as we can see
            }
            client = hop;
            if (!trusted(hop)) {
                break;
            }
        }
        return normalize(client);
    }

    /** Whether the request reached us, or our trusted proxy, over HTTPS. */
    public boolean isSecure(HttpServletRequest request) {
        if (!trusted(request.getRemoteAddr())) {
            return request.isSecure();
        }
        String proto = lastValue(request.getHeader("X-Forwarded-Proto"));
        if (proto == null) {
            proto = forwardedParameter(request, "proto");
        }
        return proto == null ? request.isSecure() : "https".equals(proto.toLowerCase(Locale.ROOT));
    }

    boolean trusted(String address) {
        return IpRange.anyContains(trustedProxies, address);
    }

    private static List<String> forwardedFor(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        var forwarded = request.getHeaders("Forwarded");
        boolean standard = false;
        while (forwarded != null && forwarded.hasMoreElements()) {
            for (String element : forwarded.nextElement().split(",")) {
                String value = parameter(element, "for");
                if (value != null) {
                    hops.add(stripPort(value));
                    standard = true;
                }
            }
        }
        if (standard) {
            return hops;
        }
        var xff = request.getHeaders("X-Forwarded-For");
        while (xff != null && xff.hasMoreElements()) {
            for (String hop : xff.nextElement().split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        return hops;
    }

    private static String forwardedParameter(HttpServletRequest request, String name) {
        String last = null;
        var forwarded = request.getHeaders("Forwarded");
        while (forwarded != null && forwarded.hasMoreElements()) {
            for (String element : forwarded.nextElement().split(",")) {
                String value = parameter(element, name);
                if (value != null) {
                    last = value;
                }
            }
        }
        return last;
    }

    /** One parameter of a Forwarded element ({@code for=192.0.2.60;proto=https}), unquoted. */
    private static String parameter(String element, String name) {
        for (String pair : element.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase(name)) {
                String value = pair.substring(equals + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value;
            }
        }
        return null;
    }

    /** {@code [2001:db8::1]:4711} to {@code 2001:db8::1}, {@code 192.0.2.60:80} to {@code 192.0.2.60}. */
    private static String stripPort(String value) {
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            return close > 0 ? value.substring(1, close) : value;
        }
        int colon = value.indexOf(':');
        return colon > 0 && value.indexOf(':', colon + 1) < 0 ? value.substring(0, colon) : value;
    }

    private static String lastValue(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String[] values = header.split(",");
        return values[values.length - 1].strip();
    }

    private static String normalize(String address) {
        var literal = IpRange.literal(address);
        return literal == null ? address : literal.getHostAddress();
    }
}
