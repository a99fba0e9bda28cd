package dev.portcullis.admin.ui;

import dev.portcullis.i18n.Messages;
import dev.portcullis.admin.model.internal.Wording;
import java.util.Comparator;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import dev.portcullis.admin.AdminDashboardWidget;
import dev.portcullis.admin.AdminMenuItem;
import dev.portcullis.admin.internal.AdminPageTitles;
import dev.portcullis.admin.AdminOperation;
import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.data.ListQuery;
import dev.portcullis.admin.model.AdminRegistry;

import jakarta.annotation.security.RolesAllowed;
import dev.portcullis.admin.ui.internal.AdminMenu;

/**
 * The admin's home: a card for every section the user may open, with row counts for entities. Counts stop at
 * 10,000 ("10,000+"), so a huge table costs no more than a small one.
 */
@Route(value = "", layout = MainLayout.class)
@RolesAllowed("STAFF")
public class DashboardView extends VerticalLayout implements HasDynamicTitle {

    private final AdminPageTitles titles;

    final Div sections = new Div();

    final Div widgets = new Div();

    public DashboardView(AdminMenu menu, AdminRegistry registry, AdminEntityService service, AdminPageTitles titles,
            List<AdminDashboardWidget> dashboardWidgets) {
        this.titles = titles;
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        addClassName("pc-dashboard");
        add(new H1(Messages.get("admin.dashboard.welcome", MainLayout.displayName(user))));
        sections.addClassName("pc-dashboard-groups");
        // The cards grouped as in the navigation, each section under its own heading.
        java.util.Map<String, Div> groups = new java.util.LinkedHashMap<>();
        for (AdminMenuItem item : menu.visibleTo(user, AdminMenuItem.Placement.NAVIGATION)) {
            if (item.path().isEmpty()) {
                continue;
            }
            Anchor card = new Anchor(item.path(), MainLayout.label(item));
            card.setId("section-" + item.path());
            registry.bySlug(item.path()).filter(model -> service.can(model, AdminOperation.VIEW)).ifPresent(model -> {
                Span count = new Span(service.count(model, ListQuery.firstPage())
                        .describe(Wording.label(model), Wording.plural(model)));
                count.addClassName("pc-dashboard-count");
                card.add(count);
            });
            groups.computeIfAbsent(item.sectionLabel(), name -> {
                Div grid = new Div();
                grid.addClassName("pc-dashboard-sections");
                sections.add(new H2(name), grid);
                return grid;
            }).add(card);
        }
        if (sections.getComponentCount() == 0) {
            add(new Paragraph(Messages.get("admin.dashboard.empty")));
        } else {
            add(sections);
        }
        widgets.addClassName("pc-dashboard-widgets");
        dashboardWidgets.stream().sorted(Comparator.comparingInt(AdminDashboardWidget::order))
                .forEach(widget -> widget.create(user).ifPresent(widgets::add));
        if (widgets.getComponentCount() > 0) {
            // The widgets' own headings are h3: this keeps the outline h1 > h2 > h3 for screen readers.
            add(new H2(Messages.get("admin.dashboard.activity")), widgets);
        }
    }

    @Override
    public String getPageTitle() {
        return titles.of(Messages.get("admin.dashboard.title"));
    }
}
