package dev.portcullis.environment;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Every error outside the admin's own views gets this page: the status and a plain sentence, the environment
 * banner, and nothing else — no stack trace, no exception message, no server or framework name or version.
 */
@org.springframework.stereotype.Controller
class ErrorPages implements ErrorController {

    private final EnvironmentInfo environment;

    ErrorPages(EnvironmentInfo environment) {
        this.environment = environment;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<String> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String sentence = switch (status.value()) {
            case 400 -> "The request could not be understood.";
            case 403 -> "You may not open this page.";
            case 404 -> "There is nothing here.";
            case 405 -> "This page does not accept that kind of request.";
            default -> status.is5xxServerError() ? "Something went wrong on our side. Please try again later."
                    : "The request could not be completed.";
        };
        String banner = environment.showOnPublicPages()
                ? "<div role=\"banner\" style=\"background:" + environment.color() + ";color:" + environment.textColor()
                        + ";padding:.4em 1em;font:600 14px system-ui,sans-serif\">"
                        + HtmlUtils.htmlEscape(environment.name()) + "</div>"
                : "";
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"robots\""
                + " content=\"noindex\"><title>" + status.value() + " " + HtmlUtils.htmlEscape(status.getReasonPhrase())
                + "</title></head><body style=\"margin:0;font-family:system-ui,sans-serif\">" + banner
                + "<main style=\"padding:2em\"><h1>" + status.value() + " " + HtmlUtils.htmlEscape(status.getReasonPhrase())
                + "</h1><p>" + sentence + "</p></main></body></html>";
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html);
    }
}
