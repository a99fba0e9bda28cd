package dev.portcullis.auth.internal;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import dev.portcullis.i18n.Messages;
import dev.portcullis.admin.internal.AdminPageTitles;
import dev.portcullis.admin.data.NotFoundException;
import dev.portcullis.admin.ui.MainLayout;
import dev.portcullis.password.PasswordPolicy;
import dev.portcullis.password.internal.PasswordStrengthMeter;

import jakarta.annotation.security.RolesAllowed;
import dev.portcullis.auth.AdminUser;
import dev.portcullis.auth.AdminUserService;
import dev.portcullis.auth.PasswordRejectedException;

/**
 * An administrator sets another user's password, or adds a staff user with one: the same policy and strength
 * meter as everywhere else, and by default the user must choose their own password at the next sign-in.
 */
@Route(value = "user-password/:id", layout = MainLayout.class)
@RolesAllowed("STAFF")
public class SetPasswordView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String NEW = "new";

    private final AdminUserService users;
    private final PasswordPolicy policy;
    private final AdminPageTitles titles;

    public final TextField username = new TextField(Messages.get("password.set.username"));
    public final PasswordField password = new PasswordField(Messages.get("password.change.new"));
    public final PasswordField confirmation = new PasswordField(Messages.get("password.set.repeat"));
    final Checkbox mustChange = new Checkbox(Messages.get("password.set.must-change"), true);
    public final Button save = new Button(Messages.get("password.set.title"));
    public final UnorderedList problems = new UnorderedList();
    Long userId;

    public SetPasswordView(AdminUserService users, PasswordPolicy policy, AdminPageTitles titles) {
        this.users = users;
        this.policy = policy;
        this.titles = titles;
        addClassName("pc-set-password");
        save.setId("set-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        problems.addClassName("pc-problems");
        problems.getElement().setAttribute("role", "alert");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        removeAll();
        problems.removeAll();
        // Refused before the id is even looked up: the answer names no user and is the same for any id.
        if (!users.maySetPassword(NEW.equals(id) ? null : idOrZero(id))) {
            throw new AccessDeniedException("may not set the password of user '" + id + "'");
        }
        if (NEW.equals(id)) {
            userId = null;
            add(new Anchor("user", Messages.get("password.set.users")), new H1(Messages.get("password.set.add-user")),
                    username);
        } else {
            try {
                userId = Long.valueOf(id);
            } catch (NumberFormatException notAnId) {
                throw new NotFoundException(Messages.get("password.set.no-user", id));
            }
            AdminUser user = users.findById(userId).orElseThrow(() -> new NotFoundException(Messages.get("password.set.no-user", "#" + id)));
            add(new Anchor("user/" + userId, user.getUsername()), new H1(Messages.get("password.set.heading", user.getUsername())));
        }
        for (PasswordField field : new PasswordField[] {password, confirmation}) {
            field.setRequired(true);
            field.setWidth("28rem");
            field.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        }
        PasswordStrengthMeter meter = new PasswordStrengthMeter(password, policy, this::userInputs);
        meter.setWidth("28rem");
        meter.onChange(check -> save.setEnabled(check != null && check.accepted()));
        add(password, meter, confirmation, mustChange, problems, new HorizontalLayout(save));
    }

    /** The id in the URL, or 0 (no user has it) when it is not a number. */
    private static long idOrZero(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException notAnId) {
            return 0;
        }
    }

    private List<String> userInputs() {
        if (userId == null) {
            return List.of(username.getValue());
        }
        return users.findById(userId).map(u -> users.userInputs(u.getUsername())).orElse(List.of());
    }

    public void save() {
        problems.removeAll();
        try {
            AdminUser saved = users.setPassword(userId, username.getValue(), password.getValue(),
                    confirmation.getValue(), mustChange.getValue());
            Notification.show(userId == null ? Messages.get("password.set.added", saved.getUsername())
                    : Messages.get("password.set.done", saved.getUsername()), 3000,
                    Notification.Position.BOTTOM_START);
            UI.getCurrent().navigate("user/" + saved.getId());
        } catch (PasswordRejectedException rejected) {
            rejected.getProblems().forEach(problem -> problems.add(new ListItem(problem)));
        } catch (AccessDeniedException denied) {
            problems.add(new ListItem(userId == null ? Messages.get("password.set.denied-add")
                    : Messages.get("password.set.denied-set")));
        }
    }

    @Override
    public String getPageTitle() {
        return titles.of(userId == null ? Messages.get("password.set.add-user") : Messages.get("password.set.title"));
    }
}
