package dev.portcullis.checks.internal;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import org.springframework.security.web.csrf.CsrfFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;

/**
 * Asks a chain's own CSRF filter whether it would let a sign-in POST without a token through: a stand-in request
 * (POST, no session, no token) goes through the filter and we see whether it reaches the next filter. This finds
 * exemptions however they were configured ({@code ignoringRequestMatchers}, a framework's defaults) without reading
 * the filter's private fields.
 */
final class SignInCsrfProbe {

    private SignInCsrfProbe() {
    }

    /** A POST to {@code path} with no session and no token, as another site's form would send it. */
    static HttpServletRequest post(String path) {
        Map<String, Object> attributes = new HashMap<>();
        HttpServletMapping mapping = new HttpServletMapping() {
            @Override
            public String getMatchValue() {
                return "";
            }

            @Override
            public String getPattern() {
                return "/";
            }

            @Override
            public String getServletName() {
                return "probe";
            }

            @Override
            public MappingMatch getMappingMatch() {
                return MappingMatch.DEFAULT;
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(SignInCsrfProbe.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMethod" -> "POST";
                    case "getRequestURI", "getServletPath" -> path;
                    case "getRequestURL" -> new StringBuffer("https://localhost" + path);
                    case "getContextPath" -> "";
                    case "getScheme" -> "https";
                    case "getServerName" -> "localhost";
                    case "getServerPort" -> 443;
                    case "isSecure" -> true;
                    case "getContentType" -> "application/x-www-form-urlencoded";
                    case "getDispatcherType" -> DispatcherType.REQUEST;
                    case "getHttpServletMapping" -> mapping;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "getAttributeNames" -> Collections.enumeration(attributes.keySet());
                    case "getHeaders", "getHeaderNames", "getParameterNames", "getLocales" ->
                            Collections.emptyEnumeration();
                    case "getParameterMap" -> Map.of();
                    case "getIntHeader", "getContentLength" -> -1;
                    case "getDateHeader", "getContentLengthLong" -> -1L;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "POST " + path;
                    default -> defaultValue(method.getReturnType());
                });
    }

    /** True when the filter passes a token-less POST to {@code path} on, false when it refuses it. */
    static boolean letsThrough(CsrfFilter filter, String path) {
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                SignInCsrfProbe.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> defaultValue(method.getReturnType()));
        boolean[] passed = {false};
        try {
            filter.doFilter(post(path), response, (request, answer) -> passed[0] = true);
        } catch (Exception unknown) {
            return false; // the filter needs something the stand-in cannot give: no finding rather than a wrong one
        }
        return passed[0];
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class) {
            return type == long.class ? (Object) 0L : (Object) 0;
        }
        return null;
    }
}
