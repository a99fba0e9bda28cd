package dev.portcullis.admin.ui;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.portcullis.admin.AdminMenuItem;

import jakarta.annotation.security.RolesAllowed;

/**
 * The admin's home: a greeting and a card for every section the user may open.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Dashboard")
@RolesAllowed("STAFF")
public class DashboardView extends VerticalLayout {

    final Div sections = new Div();

    public DashboardView(AdminMenu menu) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        addClassName("pc-dashboard");
        add(new H2("Welcome, " + MainLayout.displayName(user)));
        sections.addClassName("pc-dashboard-sections");
        menu.visibleTo(user, AdminMenuItem.Placement.NAVIGATION).stream()
                .filter(item -> !item.path().isEmpty())
                .forEach(item -> sections.add(new Anchor(item.path(), item.label())));
        if (sections.getComponentCount() == 0) {
            add(new Paragraph("Nothing to manage yet. Sections appear here as features and entities are added."));
        } else {
            add(sections);
        }
    }
}
