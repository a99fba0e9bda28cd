package dev.portcullis.admin.ui.internal;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;

import jakarta.annotation.security.PermitAll;
import dev.portcullis.admin.ui.MainLayout;

/**
 * Shown when Vaadin's navigation access control refuses a signed-in user a route (e.g. the security audit, for
 * superusers only): the same words as {@link AccessDeniedView}, instead of Vaadin's "Could not navigate to ...".
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class RouteAccessDeniedView extends Div implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return AccessDeniedView.refuse(this);
    }
}
