package dev.portcullis.admin;

import java.util.Optional;

import org.springframework.security.core.Authentication;

import com.vaadin.flow.component.Component;

/**
 * A bean that adds a panel to the admin's dashboard, below the section cards: recent actions, audit findings, staff
 * without two-factor login. Each feature contributes its own; the dashboard asks every widget on each visit.
 */
public interface AdminDashboardWidget {

    /** Position on the dashboard; lower comes first. */
    default int order() {
        return 100;
    }

    /**
     * The panel for this user, or empty when it has nothing to show them (including when they may not see it: a
     * widget checks the user's authorities itself, as the data behind it is guarded on the server anyway).
     */
    Optional<Component> create(Authentication user);
}
