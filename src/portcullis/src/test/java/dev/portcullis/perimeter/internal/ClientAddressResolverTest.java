package dev.portcullis.perimeter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import dev.portcullis.perimeter.IpRange;
import dev.portcullis.perimeter.PerimeterProperties;

class ClientAddressResolverTest {

    private final ClientAddressResolver resolver = new ClientAddressResolver(
            IpRange.parseAll(List.of("10.0.0.0/8", "2001:db8::/32")));

    private static MockHttpServletRequest from(String peer, String... headers) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        return request;
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItClaims() {
        var request = from("198.51.100.7", "X-Forwarded-For", "10.1.1.1", "X-Forwarded-Proto", "https",
                "Forwarded", "for=192.0.2.1;proto=https");
        assertThat(resolver.clientAddress(request)).isEqualTo("198.51.100.7");
        assertThat(resolver.isSecure(request)).isFalse();
    }

    @Test
    void aTrustedProxyIsBelievedUpToTheFirstAddressWeDoNotTrust() {
        // The client wrote 6.6.6.6 itself; our proxies appended the real peer and each other.
        var request = from("10.0.0.2", "X-Forwarded-For", "6.6.6.6, 203.0.113.9, 10.0.0.5");
        assertThat(resolver.clientAddress(request)).isEqualTo("203.0.113.9");
    }

    @Test
    void headersOnSeveralLinesReadAsOneList() {
        var request = from("10.0.0.2", "X-Forwarded-For", "6.6.6.6", "X-Forwarded-For", "203.0.113.9");
        assertThat(resolver.clientAddress(request)).isEqualTo("203.0.113.9");
    }

    @Test
    void theStandardForwardedHeaderWithPortsAndIpv6() {
        assertThat(resolver.clientAddress(from("10.0.0.2", "Forwarded",
                "for=\"[2001:db8:cafe::17]:4711\", for=198.51.100.3:8080;proto=https"))).isEqualTo("198.51.100.3");
        assertThat(resolver.clientAddress(from("10.0.0.2", "Forwarded",
                "for=\"[2001:db9::17]:4711\";proto=https"))).isEqualTo("2001:db9:0:0:0:0:0:17");
        assertThat(resolver.isSecure(from("10.0.0.2", "Forwarded", "for=198.51.100.3;proto=https"))).isTrue();
    }

    @Test
    void garbageStopsTheWalkAtTheLastTrustedHop() {
        assertThat(resolver.clientAddress(from("10.0.0.2", "X-Forwarded-For", "evil.example.com, 10.0.0.9")))
                .isEqualTo("10.0.0.9");
        assertThat(resolver.clientAddress(from("10.0.0.2", "X-Forwarded-For", "not an address")))
                .isEqualTo("10.0.0.2");
    }

    @Test
    void schemeComesFromTheLastForwardedProtoOfATrustedProxy() {
        assertThat(resolver.isSecure(from("10.0.0.2", "X-Forwarded-Proto", "http, https"))).isTrue();
        assertThat(resolver.isSecure(from("10.0.0.2", "X-Forwarded-Proto", "https, http"))).isFalse();
        assertThat(resolver.isSecure(from("10.0.0.2"))).isFalse();
    }

    @Test
    void withoutTrustedProxiesNothingForwardedIsBelieved() {
        var none = new ClientAddressResolver(List.of());
        assertThat(none.clientAddress(from("10.0.0.2", "X-Forwarded-For", "203.0.113.9"))).isEqualTo("10.0.0.2");
    }

    @Test
    void rangesMatchByPrefixAndNeverAskDns() {
        IpRange range = IpRange.parse("192.168.4.0/22");
        assertThat(range.contains("192.168.7.255")).isTrue();
        assertThat(range.contains("192.168.8.0")).isFalse();
        assertThat(range.contains("::ffff:192.168.5.1")).isTrue();
        assertThat(range.contains("localhost")).isFalse();
        assertThat(IpRange.literal("example.com")).isNull();
        assertThat(IpRange.parse("::/0").contains("2001:db8::1")).isTrue();
        assertThat(IpRange.parse("::/0").contains("192.0.2.1")).isFalse();
    }

    @Test
    void badRangesAreRefusedWithAMessageThatShowsTheFix() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IpRange.parse("10.0.0.0/33"))
                .hasMessageContaining("prefix length outside 0-32");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IpRange.parse("vpn.example.com"))
                .hasMessageContaining("host names are not accepted");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PerimeterProperties().setTrustedProxies(
                List.of("10.0.0.1", "nonsense"))).hasMessageStartingWith("'portcullis.trusted-proxies'");
    }
}
