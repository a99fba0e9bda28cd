package dev.portcullis.admin.ui.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.shared.Registration;

import dev.portcullis.admin.AdminOperation;
import dev.portcullis.i18n.Messages;
import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.data.ListPage;
import dev.portcullis.admin.data.ListQuery;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.admin.model.EntityLabels;
import dev.portcullis.admin.model.internal.PropertyValues;
import dev.portcullis.admin.ui.EntityListView;

/**
 * Ctrl+K: one search box over every section the user may view, each searched in its own search fields, the first
 * few matches per section by label. The view right is checked on the server for every section searched (the
 * service refuses a list the user may not see), not only by leaving sections out of the results.
 */
public final class GlobalSearch extends Dialog {

    /** Matches shown per section; the section's list has the rest. */
    static final int PER_SECTION = 5;

    /** Shorter text is not searched: one letter would match nearly everything everywhere. */
    static final int MIN_LENGTH = 2;

    private final AdminRegistry registry;
    private final AdminEntityService service;
    final TextField text = new TextField();
    final Div results = new Div();
    private Registration closeOnNavigation;

    GlobalSearch(AdminRegistry registry, AdminEntityService service) {
        this.registry = registry;
        this.service = service;
        setHeaderTitle(Messages.get("layout.search"));
        addClassName("pc-global-search");
        text.setId("global-search");
        text.setAriaLabel(Messages.get("layout.search"));
        text.setPlaceholder(Messages.get("layout.search.placeholder"));
        text.setHelperText(Messages.get("layout.search.help"));
        text.setWidthFull();
        text.setAutofocus(true);
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setValueChangeTimeout(400);
        text.addValueChangeListener(change -> search(change.getValue()));
        results.getElement().setAttribute("aria-live", "polite");
        add(text, results);
        setWidth("min(40em, 95vw)");
        addOpenedChangeListener(opened -> {
            if (opened.isOpened()) {
                closeOnNavigation = UI.getCurrent().addAfterNavigationListener(navigated -> close());
            } else if (closeOnNavigation != null) {
                closeOnNavigation.remove();
                closeOnNavigation = null;
            }
        });
    }

    /** Ctrl+K anywhere in the layout opens the search (the browser's own Ctrl+K is not triggered). */
    public static void install(Component layout) {
        Shortcuts.addShortcutListener(layout, () -> open(layout), Key.KEY_K, KeyModifier.CONTROL);
    }

    /** Opens a fresh search dialog; the beans come from the application context through Vaadin's instantiator. */
    public static GlobalSearch open(Component layout) {
        var instantiator = VaadinService.getCurrent().getInstantiator();
        GlobalSearch search = new GlobalSearch(instantiator.getOrCreate(AdminRegistry.class),
                instantiator.getOrCreate(AdminEntityService.class));
        search.open();
        return search;
    }

    void search(String value) {
        results.removeAll();
        String query = value == null ? "" : value.strip();
        if (query.length() < MIN_LENGTH) {
            return;
        }
        int sections = 0;
        for (AdminModel<?> model : registry.models()) {
            if (model.searchPaths().isEmpty() || !service.can(model, AdminOperation.VIEW)) {
                continue;
            }
            if (section(model, query)) {
                sections++;
            }
        }
        if (sections == 0) {
            results.add(new Paragraph(Messages.get("layout.search.nothing", query)));
        }
    }

    private <T> boolean section(AdminModel<T> model, String query) {
        ListPage<T> page = service.list(model, new ListQuery(query, Map.of(), null, 1));
        List<T> rows = page.rows();
        if (rows.isEmpty()) {
            return false;
        }
        H3 heading = new H3(model.pluralLabel());
        UnorderedList list = new UnorderedList();
        for (T row : rows.stream().limit(PER_SECTION).toList()) {
            String href = model.editable() ? model.slug() + "/" + PropertyValues.id(model, row) : listHref(model, query);
            list.add(new ListItem(new Anchor(href, EntityLabels.of(row))));
        }
        if (rows.size() > PER_SECTION || page.hasNext()) {
            list.add(new ListItem(new Anchor(listHref(model, query),
                    Messages.get("layout.search.all", allOf(model.pluralLabel())))));
        }
        results.add(heading, list);
        return true;
    }

    /** "books" in English ("All matching books …"); German nouns keep their capital ("Alle Treffer in Bücher …"). */
    private static String allOf(String pluralLabel) {
        Locale locale = Messages.currentLocale();
        return "en".equals(locale.getLanguage()) ? pluralLabel.toLowerCase(locale) : pluralLabel;
    }

    private static String listHref(AdminModel<?> model, String query) {
        return model.slug() + "?" + EntityListView.SEARCH + "=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }
}
