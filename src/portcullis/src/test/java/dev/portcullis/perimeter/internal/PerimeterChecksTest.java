package dev.portcullis.perimeter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import dev.portcullis.checks.CheckMessage;
import dev.portcullis.perimeter.AdminAccessProperties;
import dev.portcullis.perimeter.HeadersProperties;
import dev.portcullis.perimeter.HttpsProperties;
import dev.portcullis.perimeter.PerimeterProperties;

/** Each deploy check of the perimeter: silent on a sound configuration, and its message on the flaw it looks for. */
class PerimeterChecksTest {

    /** A sound deployment: HTTPS behind a trusted proxy, admin on its own host and network, cookies as shipped. */
    private static List<String> ids(Consumer<MockEnvironment> env, Consumer<PerimeterProperties> proxies,
            Consumer<AdminAccessProperties> access, Consumer<HttpsProperties> https, Consumer<HeadersProperties> headers) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("server.servlet.session.cookie.same-site", "lax");
        PerimeterProperties p = new PerimeterProperties();
        p.setTrustedProxies(List.of("10.0.0.1"));
        AdminAccessProperties a = new AdminAccessProperties();
        a.setAllowedHosts(List.of("admin.example.com"));
        a.setAllowedNetworks(List.of("10.8.0.0/16"));
        HttpsProperties h = new HttpsProperties();
        HeadersProperties x = new HeadersProperties();
        env.accept(environment);
        proxies.accept(p);
        access.accept(a);
        https.accept(h);
        headers.accept(x);
        return new PerimeterChecks(environment, p, a, h, x).run().stream().map(CheckMessage::id).toList();
    }

    private static <T> Consumer<T> none() {
        return t -> { };
    }

    @Test
    void aSoundDeploymentPassesEveryCheck() {
        assertThat(ids(none(), none(), none(), none(), none())).isEmpty();
    }

    @Test
    void httpsOffIsW001() {
        assertThat(ids(none(), none(), none(), h -> h.setEnabled(false), none())).containsExactly("security.W001");
    }

    @Test
    void hstsWithoutSubdomainsIsW002() {
        assertThat(ids(none(), none(), none(), h -> h.setHstsIncludeSubdomains(false), none()))
                .containsExactly("security.W002");
    }

    @Test
    void sessionCookieSettingsAreW004W005W006() {
        assertThat(ids(e -> e.setProperty("server.servlet.session.cookie.secure", "false"), none(), none(), none(),
                none())).containsExactly("security.W004");
        assertThat(ids(e -> e.setProperty("server.servlet.session.cookie.http-only", "false"), none(), none(), none(),
                none())).containsExactly("security.W005");
        assertThat(ids(e -> e.setProperty("server.servlet.session.cookie.same-site", "none"), none(), none(), none(),
                none())).containsExactly("security.W006");
    }

    @Test
    void aWeakCustomPolicyIsW007() {
        assertThat(ids(none(), none(), none(), none(), x -> x.setContentSecurityPolicy(
                "default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'")))
                .containsExactly("security.W007");
        assertThat(ids(none(), none(), none(), none(), x -> x.setContentSecurityPolicy(
                "default-src 'self'; script-src *; object-src 'none'; frame-ancestors 'none'")))
                .containsExactly("security.W007");
        assertThat(ids(none(), none(), none(), none(), x -> x.setContentSecurityPolicy(
                "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'unsafe-inline'; object-src 'none'; "
                + "frame-ancestors 'none'"))).isEmpty();
    }

    @Test
    void aLeakyReferrerPolicyIsW008() {
        assertThat(ids(none(), none(), none(), none(), x -> x.setReferrerPolicy("origin-when-cross-origin")))
                .containsExactly("security.W008");
    }

    @Test
    void trustingEveryProxyIsW009() {
        assertThat(ids(none(), p -> p.setTrustedProxies(List.of("0.0.0.0/0")), none(), none(), none()))
                .containsExactly("security.W009");
    }

    @Test
    void anAdminOnEveryHostAndNetworkIsW010AndW011() {
        assertThat(ids(none(), none(), a -> a.setAllowedHosts(List.of()), none(), none()))
                .containsExactly("security.W010");
        assertThat(ids(none(), none(), a -> a.setAllowedNetworks(List.of()), none(), none()))
                .containsExactly("security.W011");
    }

    @Test
    void httpsWithNeitherTlsNorAProxyIsW013() {
        assertThat(ids(none(), p -> p.setTrustedProxies(List.of()), none(), none(), none()))
                .containsExactly("security.W013");
        assertThat(ids(e -> e.setProperty("server.ssl.bundle", "web"), p -> p.setTrustedProxies(List.of()), none(),
                none(), none())).isEmpty();
    }

    @Test
    void aRedirectPortWithoutTlsIsW014() {
        assertThat(ids(none(), none(), none(), h -> h.setRedirectFromPort(80), none())).containsExactly("security.W014");
        assertThat(ids(e -> e.setProperty("server.ssl.bundle", "web"), none(), none(), h -> h.setRedirectFromPort(80),
                none())).isEmpty();
    }

    @Test
    void oldTlsVersionsAreW016() {
        assertThat(ids(e -> e.setProperty("server.ssl.enabled-protocols", "TLSv1.1,TLSv1.2"), none(), none(), none(),
                none())).containsExactly("security.W016");
        assertThat(ids(e -> e.setProperty("server.ssl.enabled-protocols", "TLSv1.2,TLSv1.3"), none(), none(), none(),
                none())).isEmpty();
    }

    @Test
    void springsOwnForwardedHeaderHandlingIsW017() {
        assertThat(ids(e -> e.setProperty("server.forward-headers-strategy", "framework"), none(), none(), none(),
                none())).containsExactly("security.W017");
    }

    @Test
    void settersRefuseUnsafeValuesWithTheFix() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HttpsProperties()
                .setHstsMaxAge(java.time.Duration.ofDays(30))).hasMessageContaining("at least 365d");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HeadersProperties()
                .setContentSecurityPolicy("default-src 'self'")).hasMessageContaining("frame-ancestors");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AdminAccessProperties()
                .setAllowedHosts(List.of("https://admin.example.com"))).hasMessageContaining("bare host names");
    }
}
