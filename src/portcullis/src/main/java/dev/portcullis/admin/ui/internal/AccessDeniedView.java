package dev.portcullis.admin.ui.internal;

import dev.portcullis.i18n.Messages;
import org.springframework.security.access.AccessDeniedException;

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
 * Shown when the data layer or a view refuses an operation: plain words, no internals. Routes refused by their
 * access annotation answer the same through {@link RouteAccessDeniedView}.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class AccessDeniedView extends Div implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return refuse(this);
    }

    /**
     * The one refusal every view answers with, whatever was asked for: it names no object, so a refused address
     * tells nothing about what exists behind it.
     */
    static int refuse(Div view) {
        view.removeAll();
        view.addClassName("pc-error");
        view.add(new H1(Messages.get("admin.access-denied.title")),
                new Paragraph(Messages.get("admin.access-denied.text")));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
