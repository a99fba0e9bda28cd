package dev.portcullis.testsupport;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sign-in page as a browser sees it: the session cookie it sets and the CSRF token Vaadin renders into its meta
 * tags, which the sign-in form sends back with the username and password. Tests that sign in over HTTP take both
 * from here, exactly as the browser does.
 */
public final class SignInPage {

    private static final Pattern TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern PARAMETER = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");

    /** The session cookie ("JSESSIONID=..."), or null when the page set none. */
    private final String cookie;
    private final String parameter;
    private final String token;

    private SignInPage(String cookie, String parameter, String token) {
        this.cookie = cookie;
        this.parameter = parameter;
        this.token = token;
    }

    /** Opens {@code path} (the sign-in page) with {@link RawHttp}, sending the given header lines. */
    public static SignInPage open(int port, String path, String... headers) throws IOException {
        RawHttp.Response page = RawHttp.get(port, path, headers);
        String cookie = page.headers("set-cookie").stream().map(c -> c.split(";", 2)[0])
                .filter(c -> c.contains("JSESSIONID=")).findFirst().orElse(null);
        return new SignInPage(cookie, PARAMETER.matcher(page.body()).results().map(m -> m.group(1)).findFirst()
                .orElseThrow(() -> new AssertionError("no CSRF parameter on the sign-in page")), token(page.body()));
    }

    /** The CSRF token in a sign-in page's HTML. */
    public static String token(String html) {
        Matcher matcher = TOKEN.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token on the sign-in page");
        }
        return matcher.group(1);
    }

    /** The form body a browser posts: username, password and the page's token. */
    public String form(String username, String password) {
        return form(username, password, parameter, token);
    }

    /** The same form with a CSRF token taken from {@code html}, for clients that keep their own cookies. */
    public static String form(String username, String password, String html) {
        return form(username, password, "_csrf", token(html));
    }

    private static String form(String username, String password, String parameter, String token) {
        return "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&" + parameter + "="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** The "Cookie: ..." header line that carries this page's session. */
    public String cookieHeader() {
        if (cookie == null) {
            throw new AssertionError("the sign-in page set no session cookie");
        }
        return "Cookie: " + cookie;
    }

    public String token() {
        return token;
    }
}
