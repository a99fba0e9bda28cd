package dev.portcullis.perimeter.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.beans.factory.ObjectProvider;

import dev.portcullis.environment.internal.EnvironmentInfo;
import dev.portcullis.environment.internal.PlainErrorPage;

/**
 * Tomcat's error report, replaced: requests Tomcat refuses before the application sees them (a malformed URL, a
 * header over the size limit, an unknown HTTP version, a body too large) get the same plain page and the same
 * security headers as every other error, and nothing that names the server.
 */
public final class PlainErrorReportValve extends ErrorReportValve {

    private final SecurityHeadersFilter headers;
    private final ObjectProvider<EnvironmentInfo> environment;

    public PlainErrorReportValve(SecurityHeadersFilter headers, ObjectProvider<EnvironmentInfo> environment) {
        this.headers = headers;
        this.environment = environment;
        setShowReport(false);
        setShowServerInfo(false);
    }

    /** Puts this valve in place of every other error report valve of the web application's host. */
    public void replaceOn(StandardHost host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && valve != this) {
                host.getPipeline().removeValve(valve);
            }
        }
        // Tomcat adds its own report valve when the host starts unless one of this class is there already.
        host.setErrorReportValveClass(PlainErrorReportValve.class.getName());
        host.getPipeline().addValve(this);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return; // the application answered (our error controller included), or there is nothing to report
        }
        AtomicBoolean writable = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
        if (!writable.get()) {
            return;
        }
        try {
            headers.writeHeaders(request, response);
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("text/html");
            response.setCharacterEncoding("utf-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(PlainErrorPage.html(status, environment.getIfAvailable()));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException gone) {
            // the client left, or the response cannot take a body: nothing more to say
        }
    }
}
