package dev.portcullis.admin.ui.internal;

import dev.portcullis.i18n.Messages;
import java.util.EnumMap;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.page.ColorScheme;

/**
 * The "Theme" entry of the user menu: follow the system (the default), always light or always dark. The choice is
 * remembered per browser in its local storage, read and written through {@code executeJs} (no inline script, so the
 * Content-Security-Policy stays as it is), and applied with Vaadin's colour-scheme API.
 */
public final class ThemeToggle {

    /** The choices, in menu order. */
    public enum Choice {
        SYSTEM(ColorScheme.Value.SYSTEM),
        LIGHT(ColorScheme.Value.LIGHT),
        DARK(ColorScheme.Value.DARK);

        final ColorScheme.Value scheme;

        Choice(ColorScheme.Value scheme) {
            this.scheme = scheme;
        }

        /** "Follow the system", "Light", "Dark" ("Wie das System", "Helles Design", "Dunkles Design"). */
        String label() {
            return switch (this) {
                case SYSTEM -> Messages.get("admin.theme.system");
                case LIGHT -> Messages.get("admin.theme.light");
                case DARK -> Messages.get("admin.theme.dark");
            };
        }

        static Choice of(String stored) {
            for (Choice choice : values()) {
                if (choice.name().equalsIgnoreCase(stored)) {
                    return choice;
                }
            }
            return SYSTEM;
        }
    }

    static final String STORAGE_KEY = "portcullis.theme";

    public final Map<Choice, MenuItem> items = new EnumMap<>(Choice.class);

    private Choice current = Choice.SYSTEM;

    /** Adds a "Theme" submenu to the user menu and, once shown, applies what this browser chose before. */
    public void addTo(SubMenu userMenu, Component host) {
        MenuItem theme = userMenu.addItem(Messages.get("admin.theme"));
        theme.setId("theme-menu");
        for (Choice choice : Choice.values()) {
            MenuItem item = theme.getSubMenu().addItem(choice.label(), click -> choose(choice, true));
            item.setCheckable(true);
            item.setChecked(choice == current);
            items.put(choice, item);
        }
        host.addAttachListener(attach -> attach.getUI().getPage()
                .executeJs("try { return localStorage.getItem($0) || ''; } catch (e) { return ''; }", STORAGE_KEY)
                .then(String.class, stored -> choose(Choice.of(stored), false)));
    }

    public Choice current() {
        return current;
    }

    void choose(Choice choice, boolean remember) {
        current = choice;
        items.forEach((each, item) -> item.setChecked(each == choice));
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        ui.getPage().setColorScheme(choice.scheme);
        if (remember) {
            ui.getPage().executeJs("try { localStorage.setItem($0, $1); } catch (e) { }", STORAGE_KEY,
                    choice.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
