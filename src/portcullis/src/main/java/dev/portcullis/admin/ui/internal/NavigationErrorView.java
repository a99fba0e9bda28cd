package dev.portcullis.admin.ui.internal;

import dev.portcullis.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import dev.portcullis.admin.ui.MainLayout;

/**
 * Shown instead of Vaadin's "There was an exception while trying to navigate to ..." page when opening a view
 * fails: a plain sentence for the reader, the exception for the log. Exception messages can name tables, columns
 * and values; they never reach the screen.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class NavigationErrorView extends Div implements HasErrorParameter<Exception> {

    /** The heading in English (the page shows it in the user's language). */
    public static final String TITLE = "This page could not be shown";
    /** The text in English (the page shows it in the user's language). */
    public static final String MESSAGE = "Something went wrong on our side. Go back and try again; if it keeps happening, "
            + "tell your administrator the time it happened.";

    private static final Logger log = LoggerFactory.getLogger(NavigationErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        log.error("Opening '{}' failed", event.getLocation().getPathWithQueryParameters(), parameter.getCaughtException());
        removeAll();
        addClassName("pc-error");
        add(new H1(Messages.get("admin.error.title")), new Paragraph(Messages.get("admin.error.text")));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
