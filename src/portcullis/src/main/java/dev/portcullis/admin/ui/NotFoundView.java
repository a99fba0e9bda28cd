package dev.portcullis.admin.ui;

import dev.portcullis.i18n.Messages;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;

import dev.portcullis.admin.data.NotFoundException;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** Shown for an unknown entity or row (or one the user's row scoping hides: the two look alike on purpose). */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        addClassName("pc-error");
        add(new H1(Messages.get("admin.not-found")), new Paragraph(parameter.getException().getMessage()));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
