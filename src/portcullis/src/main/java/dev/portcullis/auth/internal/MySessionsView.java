package dev.portcullis.auth.internal;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;

import dev.portcullis.admin.internal.AdminPageTitles;
import dev.portcullis.admin.ui.MainLayout;
import dev.portcullis.admin.ui.internal.CellFormat;
import dev.portcullis.auth.AdminPrincipal;
import dev.portcullis.i18n.Messages;

import jakarta.annotation.security.RolesAllowed;

/**
 * "My sessions" in the user menu: the signed-in user's own sessions, and only those, even for a superuser or a
 * holder of {@code session:change} (they reach everyone's through Sessions in the navigation). The query itself is
 * narrowed to the user's id, and ending a session checks the owner again in its update statement.
 */
@Route(value = "my-sessions", layout = MainLayout.class)
@RolesAllowed("STAFF")
public class MySessionsView extends VerticalLayout implements HasDynamicTitle {

    final Grid<AdminSession> grid = new Grid<>(AdminSession.class, false);

    private final SessionTracker sessions;
    private final AdminPageTitles titles;

    public MySessionsView(SessionTracker sessions, AdminPageTitles titles) {
        this.sessions = sessions;
        this.titles = titles;
        addClassName("pc-my-sessions");
        Long userId = currentUserId().orElse(null);
        String current = currentSessionId();
        add(new H1(Messages.get("auth.my-sessions.title")), new Paragraph(Messages.get("auth.my-sessions.intro")));

        grid.addColumn(session -> SessionTracker.isCurrent(session, current) ? Messages.get("auth.session.this") : "")
                .setHeader(Messages.get("auth.session.this")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(session -> CellFormat.format(session.getStartedAt()))
                .setHeader(Messages.get("auth.session.started")).setAutoWidth(true);
        grid.addColumn(session -> CellFormat.format(session.getLastSeenAt()))
                .setHeader(Messages.get("auth.session.last-seen")).setAutoWidth(true);
        grid.addColumn(AdminSession::getClientAddress).setHeader(Messages.get("auth.session.address"))
                .setAutoWidth(true);
        grid.addColumn(AdminSession::getBrowser).setHeader(Messages.get("auth.session.browser")).setAutoWidth(true);
        grid.addColumn(session -> session.getEndedAt() == null ? "" : CellFormat.format(session.getEndedAt()))
                .setHeader(Messages.get("auth.session.ended")).setAutoWidth(true);
        grid.addColumn(session -> SessionEndReasons.label(session.getEndReason(), session.getEndedBy()))
                .setHeader(Messages.get("auth.session.end-reason")).setAutoWidth(true);
        grid.addComponentColumn(session -> endButton(userId, session, current)).setKey("end").setAutoWidth(true)
                .setFlexGrow(0)
                .setHeader(Messages.get("auth.session.action"));
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER);
        grid.setAllRowsVisible(true);
        grid.setPageSize(50);
        if (userId == null) {
            grid.setItems();
        } else {
            grid.setItems(query -> sessions.sessionsOf(userId, query.getOffset(), query.getLimit()).stream(),
                    query -> (int) Math.min(Integer.MAX_VALUE, sessions.countSessionsOf(userId)));
        }
        add(grid);
    }

    /** "End" beside each other open session; this one is ended by signing out. */
    private Span endButton(Long userId, AdminSession session, String current) {
        Span cell = new Span();
        if (userId == null || session.getEndedAt() != null || SessionTracker.isCurrent(session, current)) {
            return cell;
        }
        Button end = new Button(Messages.get("auth.session.end"), click -> {
            if (sessions.endOwn(userId, session.getId())) {
                Notification.show(Messages.get("auth.session.ended-one"), 4000, Notification.Position.BOTTOM_START);
            }
            grid.getDataProvider().refreshAll();
        });
        end.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        end.setAriaLabel(Messages.get("auth.session.end-from", session.getBrowser() == null ? ""
                : session.getBrowser(), session.getClientAddress() == null ? "" : session.getClientAddress()));
        cell.add(end);
        return cell;
    }

    private static Optional<Long> currentUserId() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user != null && user.getPrincipal() instanceof AdminPrincipal principal
                ? Optional.of(principal.getUserId()) : Optional.empty();
    }

    private static String currentSessionId() {
        VaadinSession vaadin = VaadinSession.getCurrent();
        return vaadin == null || vaadin.getSession() == null ? null : vaadin.getSession().getId();
    }

    @Override
    public String getPageTitle() {
        return titles.of(Messages.get("auth.my-sessions.title"));
    }
}
