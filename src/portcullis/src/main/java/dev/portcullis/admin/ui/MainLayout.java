package dev.portcullis.admin.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.spring.security.AuthenticationContext;

import dev.portcullis.admin.AdminIdentity;
import dev.portcullis.admin.AdminMenuItem;
import dev.portcullis.admin.LanguagePreference;
import dev.portcullis.admin.ui.internal.BrowserLocale;
import dev.portcullis.i18n.Messages;
import dev.portcullis.admin.AdminProperties;
import dev.portcullis.environment.internal.EnvironmentInfo;

import jakarta.annotation.security.RolesAllowed;
import dev.portcullis.admin.ui.internal.AdminMenu;
import dev.portcullis.admin.ui.internal.GlobalSearch;
import dev.portcullis.admin.ui.internal.ThemeToggle;

/**
 * The frame around every admin view: a header (banner landmark) with a skip link, the site name and the user's
 * menu; a side navigation grouped by section, built from the entries each feature contributes and filtered by what
 * the user may see; and the view itself inside the page's one {@code <main>}, under a Home › Section › Entity ›
 * Object breadcrumb.
 */
@RolesAllowed("STAFF")
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    /** The id the skip link jumps to. */
    static final String MAIN_ID = "main-content";

    /** The entries above every section (the dashboard). */
    public final SideNav navigation = new SideNav();

    /** One navigation per section, by the section's name, in menu order. */
    final Map<String, SideNav> sections = new LinkedHashMap<>();

    final MenuBar userMenu = new MenuBar();

    final Span environmentBadge = new Span();

    final Anchor skipLink = new Anchor();

    final Nav breadcrumb = new Nav();

    final Main main = new Main();

    final ThemeToggle themeToggle = new ThemeToggle();

    /** Opens the global search (also Ctrl+K); shown at every width. */
    final Button searchButton = new Button(VaadinIcon.SEARCH.create());

    /** The "Language" entries of the user menu: the browser's (null key), then each language of the framework. */
    final Map<Locale, MenuItem> languageItems = new LinkedHashMap<>();
    MenuItem browserLanguageItem;

    private final ObjectProvider<LanguagePreference> languages;

    private final List<AdminMenuItem> entries;

    public MainLayout(AdminProperties properties, AdminMenu menu, AuthenticationContext authenticationContext,
            EnvironmentInfo environment) {
        this(properties, menu, authenticationContext, environment, null);
    }

    @Autowired
    public MainLayout(AdminProperties properties, AdminMenu menu, AuthenticationContext authenticationContext,
            EnvironmentInfo environment, ObjectProvider<LanguagePreference> languages) {
        this.languages = languages;
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        addClassName("pc-main-layout");
        // The whole header wears the environment's colour, on every page inside the admin, in both themes
        // (unless the banner is switched off).
        if (environment.banner()) {
            getElement().getStyle().set("--pc-header-background", environment.color())
                    .set("--pc-header-text", environment.textColor());
        }

        skipLink.setText(Messages.get("layout.skip-link"));
        skipLink.addClassName("pc-skip-link");
        skipLink.setHref("#" + MAIN_ID);
        // The base href would turn "#main-content" into another page's address: move the focus in the browser.
        skipLink.getElement().executeJs("this.addEventListener('click', e => { e.preventDefault();"
                + " const m = document.getElementById($0); if (m) { m.focus(); m.scrollIntoView(); } })", MAIN_ID);

        Span brand = new Span(properties.getSiteName());
        brand.addClassName("pc-brand");
        environmentBadge.setText(environment.name());
        environmentBadge.addClassName("pc-environment-badge");
        environmentBadge.getElement().setAttribute("aria-label", Messages.get("layout.environment", environment.name()));
        environmentBadge.setVisible(environment.banner());
        Div spacer = new Div();
        spacer.addClassName("pc-header-spacer");
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(Messages.get("layout.navigation-toggle"));
        searchButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        searchButton.addClassName("pc-search-button");
        searchButton.setAriaLabel(Messages.get("layout.search"));
        searchButton.setTooltipText(Messages.get("layout.search.shortcut"));
        searchButton.getStyle().set("color", "var(--pc-header-text)").set("margin-inline-end", "var(--lumo-space-s)");
        searchButton.addClickListener(click -> GlobalSearch.open(this));
        Header header = new Header(skipLink, toggle, brand, environmentBadge, spacer, searchButton,
                buildUserMenu(user, menu, authenticationContext));
        header.addClassName("pc-header");
        addToNavbar(header);

        entries = menu.visibleTo(user, AdminMenuItem.Placement.NAVIGATION);
        navigation.addClassName("pc-navigation");
        navigation.getElement().setAttribute("aria-label", Messages.get("layout.home"));
        for (AdminMenuItem item : entries) {
            SideNavItem entry = item.path().isEmpty()
                    ? new SideNavItem(label(item), DashboardView.class)
                    : new SideNavItem(label(item), item.path());
            if (item.icon() != null) {
                entry.setPrefixComponent(icon(item.icon()));
            }
            String count = item.count() == null ? null : item.count().get();
            if (count != null) {
                Span badge = new Span(count);
                badge.getElement().getThemeList().add("badge contrast small pill");
                badge.getElement().setAttribute("aria-label", Messages.get("layout.count", count));
                entry.setSuffixComponent(badge);
            }
            if (item.path().isEmpty()) {
                navigation.addItem(entry);
            } else {
                sections.computeIfAbsent(sectionLabel(item), this::section).addItem(entry);
            }
        }
        Div drawer = new Div(navigation);
        sections.values().forEach(drawer::add);
        drawer.addClassName("pc-drawer");
        addToDrawer(new Scroller(drawer));
        setPrimarySection(Section.DRAWER);

        breadcrumb.addClassName("pc-breadcrumbs");
        breadcrumb.getElement().setAttribute("aria-label", Messages.get("layout.breadcrumb"));
        main.setId(MAIN_ID);
        main.addClassName("pc-main");
        // Focusable by the skip link only, not by Tab.
        main.getElement().setAttribute("tabindex", "-1");
        main.add(breadcrumb);
        setContent(main);
        GlobalSearch.install(this);
    }

    private SideNav section(String name) {
        SideNav nav = new SideNav(name);
        nav.addClassName("pc-navigation-section");
        nav.setCollapsible(true);
        return nav;
    }

    /** The view goes inside the one {@code <main>}, after the breadcrumb. */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.getChildren().filter(child -> child != breadcrumb).toList().forEach(main::remove);
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
    }

    @Override
    public void removeRouterLayoutContent(HasElement oldContent) {
        if (oldContent != null) {
            oldContent.getElement().removeFromParent();
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        // What AppLayout does after a navigation (its own showRouterLayoutContent is replaced above).
        if (isOverlay()) {
            setDrawerOpened(false);
        }
        String path = event.getLocation().getPath();
        String first = path.isEmpty() ? "" : path.split("/", 2)[0];
        Optional<AdminMenuItem> entry = first.isEmpty() ? Optional.empty()
                : entries.stream().filter(item -> item.path().equals(first)).findFirst();
        List<Component> crumbs = new ArrayList<>();
        if (path.isEmpty()) {
            crumbs.add(current(Messages.get("layout.home")));
        } else {
            crumbs.add(link(Messages.get("layout.home"), "."));
            entry.ifPresent(item -> {
                crumbs.add(new Span(sectionLabel(item)));
                crumbs.add(path.equals(item.path()) ? current(label(item)) : link(label(item), item.path()));
            });
            if (entry.isEmpty() || !path.equals(entry.get().path())) {
                pageTitle().ifPresent(title -> crumbs.add(current(title)));
            }
        }
        OrderedList list = new OrderedList();
        crumbs.forEach(crumb -> list.add(new ListItem(crumb)));
        breadcrumb.removeAll();
        breadcrumb.add(list);
    }

    /** The texts of the breadcrumb, for tests. */
    List<String> breadcrumbTexts() {
        return breadcrumb.getChildren().flatMap(Component::getChildren)
                .map(item -> item.getElement().getTextRecursively()).toList();
    }

    /** Every navigation entry's label, sections in order, for tests. */
    public List<String> entries() {
        List<String> labels = new ArrayList<>();
        navigation.getItems().forEach(item -> labels.add(item.getLabel()));
        sections.values().forEach(section -> section.getItems().forEach(item -> labels.add(item.getLabel())));
        return labels;
    }

    private Optional<String> pageTitle() {
        return main.getChildren().filter(child -> child != breadcrumb).findFirst()
                .flatMap(view -> firstHeading(view))
                .map(H1::getText).filter(text -> !text.isBlank());
    }

    private static Optional<H1> firstHeading(Component component) {
        if (component instanceof H1 heading) {
            return Optional.of(heading);
        }
        return component.getChildren().map(MainLayout::firstHeading).flatMap(Optional::stream).findFirst();
    }

    private static Anchor link(String text, String href) {
        return new Anchor(href, text);
    }

    private static Span current(String text) {
        Span span = new Span(text);
        span.getElement().setAttribute("aria-current", "page");
        return span;
    }

    private MenuBar buildUserMenu(Authentication user, AdminMenu menu, AuthenticationContext authenticationContext) {
        String name = displayName(user);
        userMenu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        userMenu.addClassName("pc-user-menu");
        Avatar avatar = new Avatar(name);
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
        // The name is read out by the item's label; the avatar's initials would only repeat it.
        avatar.getElement().setAttribute("aria-hidden", "true");
        MenuItem root = userMenu.addItem(new Span(avatar, new Span(name)));
        root.setAriaLabel(Messages.get("layout.user-menu", name));
        SubMenu sub = root.getSubMenu();
        for (AdminMenuItem item : menu.visibleTo(user, AdminMenuItem.Placement.USER_MENU)) {
            sub.addItem(label(item), click -> getUI().ifPresent(ui -> ui.navigate(item.path())));
        }
        themeToggle.addTo(sub, userMenu);
        LanguagePreference preference = languages == null ? null : languages.getIfAvailable();
        if (preference != null && user != null && user.isAuthenticated()) {
            addLanguageMenu(sub, preference, user);
        }
        sub.addItem(Messages.get("common.sign-out"), click -> authenticationContext.logout());
        return userMenu;
    }

    /**
     * Language › the browser's / English / Deutsch, the current choice checked. A choice is stored on the user and
     * applied at once: the page reloads, so every text and format on it follows.
     */
    private void addLanguageMenu(SubMenu menu, LanguagePreference preference, Authentication user) {
        Locale chosen = preference.chosen(user);
        SubMenu choices = menu.addItem(Messages.get("layout.language")).getSubMenu();
        browserLanguageItem = choices.addItem(Messages.get("layout.language.browser"),
                click -> chooseLanguage(preference, user, null));
        browserLanguageItem.setCheckable(true);
        browserLanguageItem.setChecked(chosen == null);
        for (Locale language : Messages.LANGUAGES) {
            MenuItem item = choices.addItem(BrowserLocale.nameOf(language),
                    click -> chooseLanguage(preference, user, language));
            // Each name in its own language, marked as such for screen readers.
            item.getElement().setAttribute("lang", language.toLanguageTag());
            item.setCheckable(true);
            item.setChecked(language.equals(chosen));
            languageItems.put(language, item);
        }
    }

    private void chooseLanguage(LanguagePreference preference, Authentication user, Locale language) {
        preference.choose(user, language);
        browserLanguageItem.setChecked(language == null);
        languageItems.forEach((each, item) -> item.setChecked(each.equals(language)));
        UI ui = UI.getCurrent();
        VaadinSession session = VaadinSession.getCurrent();
        Locale browser = session == null || session.getBrowser() == null ? null : session.getBrowser().getLocale();
        Locale locale = BrowserLocale.resolve(browser, language);
        if (ui != null) {
            if (locale != null) {
                ui.setLocale(locale);
            }
            ui.getPage().reload();
        }
    }

    /** A menu entry's label in the reader's language: a message key is read from the bundles, any other text shown. */
    static String label(AdminMenuItem item) {
        if (item.path().isEmpty() && "Dashboard".equals(item.label())) {
            return Messages.get("layout.dashboard");
        }
        return Messages.exists(item.label()) ? Messages.get(Messages.currentLocale(), item.label()) : item.label();
    }

    /** The framework's sections in the reader's language; a host's own section names as given. */
    static String sectionLabel(AdminMenuItem item) {
        return switch (item.sectionLabel()) {
            case AdminMenuItem.SECTION_APPLICATION -> Messages.get("layout.section.data");
            case AdminMenuItem.SECTION_USERS -> Messages.get("layout.section.users");
            case AdminMenuItem.SECTION_HONEYPOT -> Messages.get("layout.section.honeypot");
            case AdminMenuItem.SECTION_AUDIT -> Messages.get("layout.section.audit");
            default -> Messages.exists(item.sectionLabel())
                    ? Messages.get(Messages.currentLocale(), item.sectionLabel()) : item.sectionLabel();
        };
    }

    static String displayName(Authentication user) {
        if (user == null) {
            return "";
        }
        return user.getPrincipal() instanceof AdminIdentity identity ? identity.getDisplayName() : user.getName();
    }

    private static Icon icon(String name) {
        String[] parts = name.split(":", 2);
        return parts.length == 2 ? new Icon(parts[0], parts[1]) : new Icon("vaadin", name);
    }
}
