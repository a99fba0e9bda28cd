package dev.portcullis.environment.internal;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Every error outside the admin's own views gets the {@link PlainErrorPage}. Opened directly, the error path is a
 * page like any other that does not exist: 404, not a 500 for an error that never happened.
 */
@org.springframework.stereotype.Controller
public class ErrorPages implements ErrorController {

    private final EnvironmentInfo environment;

    public ErrorPages(EnvironmentInfo environment) {
        this.environment = environment;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<String> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : HttpStatus.NOT_FOUND;
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
                .body(PlainErrorPage.html(status.value(), environment));
    }
}
