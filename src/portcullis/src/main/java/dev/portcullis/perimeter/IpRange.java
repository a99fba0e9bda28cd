package dev.portcullis.perimeter;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An IP address or a CIDR range ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code 192.0.2.7}). Only literal
 * addresses are accepted: nothing here ever resolves a host name through DNS.
 *
 * @param network the range's first address
 * @param prefixLength number of leading bits that must match
 * @param text the range as it was written
 */
public record IpRange(InetAddress network, int prefixLength, String text) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /**
     * Parses {@code address} or {@code address/prefix}; explains the mistake in the exception's message.
     */
    public static IpRange parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an IP range must not be blank; write e.g. 10.0.0.0/8 or 192.0.2.7");
        }
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress network = literal(address);
        if (network == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range; write e.g. "
                    + "10.0.0.0/8, 192.0.2.7 or 2001:db8::/32 (host names are not accepted)");
        }
        int bits = network.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0-" + bits);
            }
        }
        return new IpRange(network, prefix, trimmed);
    }

    /** Parses every entry of a configured list. */
    public static List<IpRange> parseAll(List<String> texts) {
        return texts.stream().map(IpRange::parse).toList();
    }

    /** The address as an {@link InetAddress}, or null when the text is not a literal IPv4 or IPv6 address. */
    public static InetAddress literal(String address) {
        if (address == null) {
            return null;
        }
        String candidate = address.strip();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        // Guard before InetAddress: given a name instead of a literal it would ask DNS.
        if (!IPV4.matcher(candidate).matches() && !IPV6.matcher(candidate).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(candidate);
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }

    /** True when the literal address lies in this range; false for anything that is not an IP address. */
    public boolean contains(String address) {
        InetAddress candidate = literal(address);
        return candidate != null && contains(candidate);
    }

    public boolean contains(InetAddress candidate) {
        byte[] ours = network.getAddress();
        byte[] theirs = candidate.getAddress();
        if (ours.length != theirs.length) {
            return false;
        }
        if (prefixLength == 0) {
            return true;
        }
        int shift = ours.length * 8 - prefixLength;
        return new BigInteger(1, ours).shiftRight(shift).equals(new BigInteger(1, theirs).shiftRight(shift));
    }

    /** True when any of the ranges holds the address. */
    public static boolean anyContains(List<IpRange> ranges, String address) {
        InetAddress candidate = literal(address);
        return candidate != null && ranges.stream().anyMatch(range -> range.contains(candidate));
    }

    @Override
    public String toString() {
        return text;
    }
}
