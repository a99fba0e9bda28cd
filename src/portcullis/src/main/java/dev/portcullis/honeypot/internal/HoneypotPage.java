package dev.portcullis.honeypot.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.web.util.HtmlUtils;

/**
 * The fake login: plain HTML in the style of a generic site administration, with no product name, no script and no
 * external resource. The failure message is the one a real admin of that kind shows.
 */
public final class HoneypotPage {

    public static final String FAILURE = "Please enter the correct username and password for a staff account. "
            + "Note that both fields may be case-sensitive.";

    private final SecureRandom random;

    public HoneypotPage(SecureRandom random) {
        this.random = random;
    }

    byte[] render(String action, String username, boolean failed) {
        byte[] token = new byte[32];
        random.nextBytes(token);
        String html = """
                <!DOCTYPE html>
                <html lang="en-us">
                <head>
                <meta charset="utf-8">
                <title>Log in | Site administration</title>
                <meta name="viewport" content="width=device-width, initial-scale=1.0">
                <meta name="robots" content="NONE,NOARCHIVE">
                <style>
                body{margin:0;font-family:"Segoe UI",system-ui,Roboto,"Helvetica Neue",Arial,sans-serif;font-size:14px;
                color:#333;background:#f8f8f8}
                #header{background:#417690;color:#ffc;padding:10px 40px}#header h1{margin:0;font-size:18px;font-weight:400}
                #content{max-width:28em;margin:100px auto;background:#fff;border:1px solid #eaeaea;border-radius:4px;
                box-shadow:0 0 4px rgba(0,0,0,.1)}#content form{padding:20px 16px}
                .errornote{color:#ba2121;border:1px solid #ba2121;border-radius:4px;background:#fff;padding:10px 12px;margin:0 0 10px}
                label{display:block;padding:0 0 6px;font-weight:600}input[type=text],input[type=password]{width:100%%;
                box-sizing:border-box;padding:6px;margin:0 0 14px;border:1px solid #ccc;border-radius:4px}
                input[type=submit]{background:#417690;color:#fff;border:0;border-radius:4px;padding:10px 15px;cursor:pointer}
                .submit-row{text-align:center}
                </style>
                </head>
                <body class="login">
                <div id="header"><h1>Site administration</h1></div>
                <div id="content">
                <form action="%s" method="post" id="login-form">
                %s<input type="hidden" name="csrfmiddlewaretoken" value="%s">
                <label for="id_username">Username:</label>
                <input type="text" name="username" autofocus autocapitalize="none" autocomplete="username" maxlength="150" required id="id_username" value="%s">
                <label for="id_password">Password:</label>
                <input type="password" name="password" autocomplete="current-password" required id="id_password">
                <div class="submit-row"><input type="submit" value="Log in"></div>
                </form>
                </div>
                </body>
                </html>
                """.formatted(HtmlUtils.htmlEscape(action),
                failed ? "<p class=\"errornote\">" + FAILURE + "</p>\n" : "",
                HexFormat.of().formatHex(token),
                username == null ? "" : HtmlUtils.htmlEscape(IntrusionAttempt.clip(username, IntrusionAttempt.MAX_USERNAME)));
        return html.getBytes(StandardCharsets.UTF_8);
    }
}
