package dev.portcullis.environment.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.util.HtmlUtils;

/**
 * The one error page: the status and a plain sentence, the environment banner, and nothing else — no stack trace,
 * no exception message, no server or framework name or version. Served by the application's error controller and,
 * for requests the web server refuses before the application sees them, by the server's error valve.
 */
public final class PlainErrorPage {

    private PlainErrorPage() {
    }

    /** The page for {@code status} (any unknown code reads as 500), with the environment's banner where shown. */
    public static String html(int status, EnvironmentInfo environment) {
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null || !known.isError()) {
            known = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String title = known.value() + " " + HtmlUtils.htmlEscape(known.getReasonPhrase());
        String banner = environment != null && environment.showOnPublicPages()
                ? "<div role=\"banner\" style=\"background:" + environment.color() + ";color:" + environment.textColor()
                        + ";padding:.4em 1em;font:600 14px system-ui,sans-serif\">"
                        + HtmlUtils.htmlEscape(environment.name()) + "</div>"
                : "";
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"robots\""
                + " content=\"noindex\"><title>" + title + "</title></head><body style=\"margin:0;font-family:"
                + "system-ui,sans-serif\">" + banner + "<main style=\"padding:2em\"><h1>" + title + "</h1><p>"
                + sentence(known) + "</p></main></body></html>";
    }

    private static String sentence(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> "The request could not be understood.";
            case 403 -> "You may not open this page.";
            case 404 -> "There is nothing here.";
            case 405 -> "This page does not accept that kind of request.";
            case 413, 414, 431 -> "The request was too large.";
            default -> status.is5xxServerError() ? "Something went wrong on our side. Please try again later."
                    : "The request could not be completed.";
        };
    }
}
