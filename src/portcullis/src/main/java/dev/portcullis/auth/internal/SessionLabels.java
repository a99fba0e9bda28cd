package dev.portcullis.auth.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

import ua_parser.Client;
import ua_parser.Parser;

/**
 * What the session list shows for an address and a user agent: addresses in their usual short form ({@code ::1},
 * an IPv4-mapped IPv6 address as plain IPv4), and the browser and system as a short label ("Chrome 131 on Windows")
 * read with ua-parser's maintained patterns rather than our own.
 */
final class SessionLabels {

    /** ua-parser's patterns are compiled once, on first use. */
    private static final class Patterns {
        static final Parser PARSER = new Parser();
    }

    private SessionLabels() {
    }

    /** The address in its canonical short form; anything that is not an IP literal comes back as it was. */
    static String address(String address) {
        if (address == null || address.isBlank()) {
            return address;
        }
        String literal = address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        String bare = zone >= 0 ? literal.substring(0, zone) : literal;
        if (!isLiteral(bare)) {
            return address;
        }
        try {
            // An IP literal is parsed without any name lookup; Java turns an IPv4-mapped address into IPv4 itself.
            InetAddress parsed = InetAddress.getByName(bare);
            if (parsed instanceof Inet4Address) {
                return parsed.getHostAddress();
            }
            return parsed instanceof Inet6Address ipv6 ? compress(ipv6.getAddress()) : address;
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** Only digits, hex digits, dots and colons: never hand a host name to the resolver. */
    private static boolean isLiteral(String text) {
        boolean colon = text.indexOf(':') >= 0;
        for (char c : text.toCharArray()) {
            boolean ok = Character.isDigit(c) || c == '.' || (colon && (c == ':' || "abcdefABCDEF".indexOf(c) >= 0));
            if (!ok) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    /** RFC 5952 text: lower-case hex, no leading zeros, the longest run of two or more zero groups as "::". */
    static String compress(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        if (bestLength < 2) {
            bestStart = -1;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    /** "Chrome 131 on Windows", "Firefox 133 on Ubuntu", "Safari on iOS"; empty for a missing user agent. */
    static String browser(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "";
        }
        Client client = Patterns.PARSER.parse(userAgent);
        String browser = client.userAgent == null || "Other".equals(client.userAgent.family) ? "Unknown browser"
                : client.userAgent.family + (client.userAgent.major == null ? "" : " " + client.userAgent.major);
        String system = client.os == null || "Other".equals(client.os.family) ? null : client.os.family;
        String label = system == null ? browser : browser + " on " + system;
        return label.length() <= 100 ? label : label.substring(0, 100);
    }
}
