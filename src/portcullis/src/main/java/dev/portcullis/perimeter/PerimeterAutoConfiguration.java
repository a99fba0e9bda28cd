package dev.portcullis.perimeter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import dev.portcullis.admin.AdminProperties;

import jakarta.servlet.DispatcherType;
import dev.portcullis.perimeter.internal.AdminGateFilter;
import dev.portcullis.perimeter.internal.ClientAddressResolver;
import dev.portcullis.perimeter.internal.CrossSiteRequestFilter;
import dev.portcullis.perimeter.internal.CrossSiteRequests;
import dev.portcullis.perimeter.internal.ForwardedRequestFilter;
import dev.portcullis.perimeter.internal.PerimeterChecks;
import dev.portcullis.perimeter.internal.PlainErrorReportValve;
import dev.portcullis.perimeter.internal.RedirectHostFilter;
import dev.portcullis.perimeter.internal.SecurityHeadersFilter;
import dev.portcullis.perimeter.internal.SessionCookieCustomizer;
import dev.portcullis.perimeter.internal.VaadinScriptNonces;

/**
 * The perimeter: who a request comes from (trusted proxies), HTTPS and the security headers on every response, and
 * who may reach the admin at all (hosts, networks, guards such as the honeypot's blocklist).
 */
@AutoConfiguration(after = dev.portcullis.admin.AdminAutoConfiguration.class)
@EnableConfigurationProperties({PerimeterProperties.class, AdminAccessProperties.class, HttpsProperties.class,
        HeadersProperties.class})
public final class PerimeterAutoConfiguration {

    /** Filter order: the resolver runs first of all, the headers next, the admin gate before Spring Security. */
    public static final int FORWARDED_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE;
    static final int HEADERS_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 1;
    static final int GATE_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;
    /** Before anything that redirects: Spring Security, Vaadin, the honeypot. */
    static final int REDIRECT_HOST_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 3;
    /** After the honeypot's filter, which answers its own paths and only flags cross-site attempts there. */
    static final int CROSS_SITE_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

    @Bean
    @ConditionalOnMissingBean
    ClientAddressResolver portcullisClientAddressResolver(PerimeterProperties properties) {
        return new ClientAddressResolver(properties.trustedProxyRanges());
    }

    @Bean
    PerimeterChecks portcullisPerimeterChecks(org.springframework.core.env.Environment environment,
            PerimeterProperties proxies, AdminAccessProperties access, HttpsProperties https,
            HeadersProperties headers) {
        return new PerimeterChecks(environment, proxies, access, https, headers);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {

        @Bean
        FilterRegistrationBean<ForwardedRequestFilter> portcullisForwardedRequestFilter(ClientAddressResolver resolver) {
            var registration = new FilterRegistrationBean<>(new ForwardedRequestFilter(resolver));
            registration.setOrder(FORWARDED_FILTER_ORDER);
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
            return registration;
        }

        @Bean
        @ConditionalOnBooleanProperty(name = "portcullis.headers.enabled", matchIfMissing = true)
        FilterRegistrationBean<SecurityHeadersFilter> portcullisSecurityHeadersFilter(HttpsProperties https,
                HeadersProperties headers, AdminAccessProperties access) {
            var registration = new FilterRegistrationBean<>(new SecurityHeadersFilter(https, headers,
                    new java.security.SecureRandom(), access.getAllowedHosts()));
            registration.setOrder(HEADERS_FILTER_ORDER);
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR,
                    DispatcherType.FORWARD);
            return registration;
        }

        @Bean
        FilterRegistrationBean<AdminGateFilter> portcullisAdminGateFilter(AdminProperties admin,
                AdminAccessProperties access, ObjectProvider<AccessGuard> guards) {
            var registration = new FilterRegistrationBean<>(new AdminGateFilter(admin.getPath(), access, guards));
            registration.setOrder(GATE_FILTER_ORDER);
            return registration;
        }

        /** Redirects never carry a Host header that is not one of the allowed hosts. */
        @Bean
        FilterRegistrationBean<RedirectHostFilter> portcullisRedirectHostFilter(AdminAccessProperties access) {
            var registration = new FilterRegistrationBean<>(new RedirectHostFilter(access));
            registration.setOrder(REDIRECT_HOST_FILTER_ORDER);
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR,
                    DispatcherType.FORWARD);
            return registration;
        }

        @Bean
        CrossSiteRequests portcullisCrossSiteRequests(AdminAccessProperties access) {
            return new CrossSiteRequests(access);
        }

        /** Cross-site POSTs (and other state-changing methods) outside Vaadin's own channel get 403. */
        @Bean
        FilterRegistrationBean<CrossSiteRequestFilter> portcullisCrossSiteRequestFilter(CrossSiteRequests crossSite,
                AdminProperties admin) {
            var registration = new FilterRegistrationBean<>(new CrossSiteRequestFilter(crossSite, admin.getPath()));
            registration.setOrder(CROSS_SITE_FILTER_ORDER);
            return registration;
        }

        /** The nonce of each response on the inline scripts of Vaadin's bootstrap page. */
        @Bean
        @ConditionalOnBooleanProperty(name = "portcullis.headers.enabled", matchIfMissing = true)
        VaadinScriptNonces portcullisVaadinScriptNonces() {
            return new VaadinScriptNonces();
        }

        /** Secure session cookie, named {@code __Host-JSESSIONID} where the prefix's rules allow, when HTTPS is on. */
        @Bean
        WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> portcullisSessionCookieCustomizer(
                HttpsProperties https) {
            return new SessionCookieCustomizer(https);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory")
    static class TomcatRedirectPort {

        @Bean
        WebServerFactoryCustomizer<org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory>
                portcullisHttpRedirectConnector(HttpsProperties https) {
            return factory -> {
                if (https.isEnabled() && https.getRedirectFromPort() != null) {
                    var connector = new org.apache.catalina.connector.Connector();
                    connector.setPort(https.getRedirectFromPort());
                    connector.setScheme("http");
                    connector.setSecure(false);
                    factory.addAdditionalConnectors(connector);
                }
            };
        }

        /**
         * One error surface: Tomcat's own error report (for requests it refuses before the application) replaced
         * by the plain page with the security headers. Runs after Spring Boot's customizer, whose valve it replaces.
         */
        @Bean
        WebServerFactoryCustomizer<org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory>
                portcullisErrorReportValve(HttpsProperties https, HeadersProperties headers,
                        ObjectProvider<dev.portcullis.environment.internal.EnvironmentInfo> environment) {
            var valve = new PlainErrorReportValve(new SecurityHeadersFilter(https, headers,
                    new java.security.SecureRandom()), environment);
            return new OrderedCustomizer(factory -> factory.addContextCustomizers(context -> {
                // Relative redirects stay relative: Tomcat would otherwise complete them with the Host header.
                context.setUseRelativeRedirects(true);
                if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                    valve.replaceOn(host);
                }
            }));
        }
    }

    /** A customizer that runs after Spring Boot's own. */
    private record OrderedCustomizer(
            WebServerFactoryCustomizer<org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory> body)
            implements WebServerFactoryCustomizer<org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory>,
            Ordered {

        @Override
        public void customize(org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory factory) {
            body.customize(factory);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
