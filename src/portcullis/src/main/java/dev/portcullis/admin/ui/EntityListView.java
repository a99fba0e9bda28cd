package dev.portcullis.admin.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.admin.AdminOperation;
import dev.portcullis.admin.internal.AdminPageTitles;
import dev.portcullis.admin.AdminPermissions;
import dev.portcullis.admin.AdminProperties;
import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.data.CappedCount;
import dev.portcullis.admin.data.internal.CsvExport;
import dev.portcullis.admin.data.internal.ListCriteria;
import dev.portcullis.admin.data.internal.ListFilters;
import dev.portcullis.admin.data.ListPage;
import dev.portcullis.admin.data.ListQuery;
import dev.portcullis.admin.data.NotFoundException;
import dev.portcullis.admin.model.AdminField;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.admin.model.FieldKind;
import dev.portcullis.admin.model.ListColumn;
import dev.portcullis.admin.model.internal.PropertyValues;
import dev.portcullis.admin.model.SortOrder;
import dev.portcullis.environment.internal.EnvironmentInfo;

import jakarta.annotation.security.RolesAllowed;
import dev.portcullis.admin.ui.internal.BulkBar;
import dev.portcullis.admin.ui.internal.CellFormat;
import dev.portcullis.admin.ui.internal.EntityChoices;
import dev.portcullis.admin.ui.internal.DateInput;
import dev.portcullis.admin.ui.internal.ListEditor;
import dev.portcullis.admin.ui.internal.ListTexts;
import dev.portcullis.admin.ui.internal.SavedFilterMenu;
import dev.portcullis.admin.data.internal.ListEdits;
import dev.portcullis.admin.data.internal.SavedFilters;
import dev.portcullis.i18n.Messages;

/**
 * The list of one entity: search, filters, server-side sorting and paging. Everything the user chose lives in
 * the URL ({@code ?q=lantern&genre=SCIFI&o=-publishedOn&p=3}), so a list can be bookmarked and the back button
 * returns to the previous state. Rows are read one page at a time and never counted past 10,000.
 */
@Route(value = ":slug", layout = MainLayout.class)
@RolesAllowed("STAFF")
public class EntityListView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String SEARCH = "q";
    static final String SORT = "o";
    static final String PAGE = "p";
    static final String CURSOR = "k";

    private final AdminRegistry registry;
    private final AdminEntityService service;
    private final AdminPageTitles titles;

    AdminModel<?> model;
    ListQuery query = ListQuery.firstPage();
    final H1 title = new H1();
    final Span count = new Span();
    final Button add = new Button();
    final TextField search = new TextField();
    final HorizontalLayout filters = new HorizontalLayout();
    final Map<String, Component> filterFields = new LinkedHashMap<>();
    Grid<Object> grid;
    final Button first = new Button(Messages.get("list.page.first"), VaadinIcon.ANGLE_DOUBLE_LEFT.create());
    final Button previous = new Button(Messages.get("list.page.previous"), VaadinIcon.ANGLE_LEFT.create());
    final Button next = new Button(Messages.get("list.page.next"), VaadinIcon.ANGLE_RIGHT.create());
    final Button last = new Button(Messages.get("list.page.last"), VaadinIcon.ANGLE_DOUBLE_RIGHT.create());
    /** Numbered buttons for the pages around the current one. */
    final HorizontalLayout pageNumbers = new HorizontalLayout();
    /**
     * The filters, folded until asked for or in use (the summary counts the ones in use); their fields are made when
     * it first opens (see {@link #buildFilters()}).
     */
    final Details filterDrawer = new Details();
    /** The row that last had the keyboard focus, opened by Enter. */
    Object focusedRow;
    final Span pageLabel = new Span();
    final Paragraph empty = new Paragraph();
    List<Button> actionButtons = new ArrayList<>();
    BulkBar<?> bulk;
    final Anchor export = new Anchor();
    final Checkbox exportBom = new Checkbox(Messages.get("list.export.bom"));
    private volatile ListQuery exportQuery = ListQuery.firstPage();
    private volatile boolean exportWithBom;
    private final AdminProperties properties;
    private final EnvironmentInfo environment;
    private boolean applying;
    private ListPage<?> shown;
    private final ListEdits listEdits;
    private final SavedFilters savedFilters;
    /** The inputs of the list's editable columns and their "Save changes" (list_editable); null when none. */
    ListEditor<?> editor;
    /** "Saved filters": the user's own saved searches, filters and orders of this list. */
    SavedFilterMenu savedFilterMenu;

    public EntityListView(AdminRegistry registry, AdminEntityService service, AdminPageTitles titles,
            AdminProperties properties, EnvironmentInfo environment, ListEdits listEdits, SavedFilters savedFilters) {
        this.registry = registry;
        this.service = service;
        this.titles = titles;
        this.properties = properties;
        this.environment = environment;
        this.listEdits = listEdits;
        this.savedFilters = savedFilters;
        addClassName("pc-list");
        filterDrawer.addOpenedChangeListener(opened -> {
            if (opened.isOpened() && filterFields.isEmpty() && model != null) {
                showFilters();
            }
        });
        // The list is as tall as its rows: the page scrolls, not a box inside it.
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        AdminModel<?> found = registry.bySlug(slug)
                .orElseThrow(() -> new NotFoundException(Messages.get("list.notFound", slug)));
        if (!service.can(found, AdminOperation.VIEW)) {
            throw new AccessDeniedException("may not view " + found.pluralLabel());
        }
        boolean sameModel = found == model;
        model = found;
        query = fromUrl(found, event.getLocation().getQueryParameters());
        if (!sameModel) {
            build();
        }
        refresh();
    }

    @Override
    public String getPageTitle() {
        return model == null ? titles.of(null) : titles.of(model.pluralLabel());
    }

    private static ListQuery fromUrl(AdminModel<?> model, QueryParameters parameters) {
        Map<String, String> values = new HashMap<>();
        parameters.getParameters().forEach((name, list) -> {
            if (!list.isEmpty()) {
                values.put(name, list.getFirst());
            }
        });
        int page = 1;
        try {
            long asked = Long.parseLong(values.getOrDefault(PAGE, "1").strip());
            if (asked > ListQuery.MAX_PAGE) {
                // A hand-edited number past any real list: say so rather than show an empty page (or overflow).
                com.vaadin.flow.component.notification.Notification.show(Messages.get("list.page.outOfRange"));
            } else {
                page = (int) asked;
            }
        } catch (NumberFormatException ignored) {
            // a hand-edited page number: start at the first page
        }
        String sort = values.get(SORT);
        Map<String, String> filterValues = new HashMap<>(values);
        filterValues.keySet().removeAll(List.of(SEARCH, SORT, PAGE, CURSOR));
        return new ListQuery(values.get(SEARCH), filterValues, sort == null || sort.isBlank() ? null
                : SortOrder.parse(sort), page, values.get(CURSOR));
    }

    static QueryParameters toUrl(ListQuery query) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!query.search().isEmpty()) {
            values.put(SEARCH, query.search());
        }
        query.filters().forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                values.put(name, value);
            }
        });
        if (query.sort() != null) {
            values.put(SORT, query.sort().toString());
        }
        if (query.page() > 1) {
            values.put(PAGE, String.valueOf(query.page()));
            if (query.cursor() != null) {
                values.put(CURSOR, query.cursor());
            }
        }
        return QueryParameters.simple(values);
    }

    /** Moves to a new list state through the URL, so it lands in the browser history. */
    void navigate(ListQuery next) {
        UI.getCurrent().navigate(EntityListView.class, new RouteParameters("slug", model.slug()), toUrl(next));
    }

    private void build() {
        removeAll();
        filterFields.clear();
        title.setText(model.pluralLabel());
        count.addClassName("pc-count");
        HorizontalLayout header = new HorizontalLayout(title, count);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();
        add.setText(Messages.get("list.add", lower(model.label())));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        String addPath = model.admin().addPath();
        add.setVisible(model.editable() && (addPath == null ? service.can(model, AdminOperation.ADD)
                : AdminPermissions.grants(SecurityContextHolder.getContext().getAuthentication(),
                        model.permissions().authority(AdminOperation.ADD))));
        add.addClickListener(click -> {
            if (addPath != null) {
                UI.getCurrent().navigate(addPath);
            } else {
                UI.getCurrent().navigate(EntityFormView.class,
                        new RouteParameters(Map.of("slug", model.slug(), "id", EntityFormView.NEW)));
            }
        });
        Span spacer = new Span();
        header.addAndExpand(spacer);
        header.add(add);

        HorizontalLayout toolbar = new HorizontalLayout();
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.END);
        toolbar.getStyle().set("flex-wrap", "wrap");
        search.setPlaceholder(Messages.get("list.search.placeholder", lower(model.pluralLabel())));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(400);
        search.setAriaLabel(Messages.get("list.search.label"));
        search.setVisible(model.searchable());
        search.setHelperText(searchHelp(model));
        search.setMinWidth("16em");
        search.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                navigate(new ListQuery(change.getValue(), query.filters(), query.sort(), 1));
            }
        });
        toolbar.add(search);
        filters.removeAll();
        filters.addClassName("pc-filters");
        filters.getStyle().set("flex-wrap", "wrap");
        // A disclosure, folded until asked for or a filter is in use (refresh()): the rows come first, and the fields
        // are only made for the visits that filter.
        filterDrawer.setSummaryText(Messages.get("list.filters.title"));
        filterDrawer.addClassName("pc-filter-drawer");
        filterDrawer.add(filters);
        filterDrawer.setOpened(false);
        filterDrawer.setVisible(!model.filters().isEmpty());
        toolbar.add(filterDrawer);
        savedFilterMenu = new SavedFilterMenu(model, savedFilters,
                () -> toUrl(new ListQuery(query.search(), query.filters(), query.sort(), 1)).getQueryString(),
                state -> UI.getCurrent().navigate(EntityListView.class, new RouteParameters("slug", model.slug()),
                        QueryParameters.fromString(state)));
        toolbar.add(savedFilterMenu);

        grid = new Grid<>();
        grid.addClassName("pc-grid");
        grid.setMultiSort(false);
        grid.setWidthFull();
        // One page of rows is shown whole (at most listPerPage rows): no scroller inside the page.
        grid.setAllRowsVisible(true);
        addColumns(model);
        grid.addSortListener(sort -> {
            if (sort.isFromClient() && !applying) {
                SortOrder order = sort.getSortOrder().isEmpty() ? null : new SortOrder(
                        sort.getSortOrder().getFirst().getSorted().getKey(),
                        sort.getSortOrder().getFirst().getDirection() == SortDirection.DESCENDING);
                navigate(new ListQuery(query.search(), query.filters(), order, 1));
            }
        });
        if (model.editable()) {
            grid.addItemClickListener(click -> open(click.getItem()));
            // Enter opens the focused row, like Space and a click (keyboard users need not reach for the mouse).
            grid.addCellFocusListener(focus -> focusedRow = focus.getItem().orElse(null));
            grid.getElement().addEventListener("keydown", key -> openFocused())
                    .setFilter(ENTER_ON_ROW);
        }
        HorizontalLayout actions = bulkBar(model);
        toolbar.add(exportControls(model));
        // Next and Previous seek from the rows on screen (keyset pagination), so page 20,000 is as quick as page 2.
        previous.addClickListener(click -> navigate(new ListQuery(query.search(), query.filters(), query.sort(),
                query.page() - 1, query.page() - 1 > 1 ? shown.previousCursor() : null)));
        next.addClickListener(click -> navigate(new ListQuery(query.search(), query.filters(), query.sort(),
                query.page() + 1, shown.nextCursor())));
        // First, Last and the numbers jump (by offset); the list counts at most 10,000 rows, so Last stays cheap.
        first.addClickListener(click -> goToPage(1));
        last.addClickListener(click -> goToPage(lastPage));
        first.setAriaLabel(Messages.get("list.page.firstLabel"));
        last.setAriaLabel(Messages.get("list.page.lastLabel"));
        pageNumbers.setSpacing(false);
        pageNumbers.addClassName("pc-page-numbers");
        HorizontalLayout pager = new HorizontalLayout(first, previous, pageNumbers, next, last, pageLabel);
        pager.addClassName("pc-pager");
        pager.getStyle().set("flex-wrap", "wrap");
        pager.setAlignItems(FlexComponent.Alignment.CENTER);
        narrowOnPhones();
        empty.addClassName("pc-empty");
        dateBar.addClassName("pc-date-hierarchy");
        dateBar.getStyle().set("flex-wrap", "wrap");
        dateBar.setVisible(dateHierarchy() != null);
        add(header, toolbar, dateBar, actions);
        if (editor != null) {
            add(editor);
        }
        add(grid, empty, pager);
    }

    /** Delete selected, the model's own actions and "select all N matching"; rows are picked with checkboxes. */
    private <T> HorizontalLayout bulkBar(AdminModel<T> typed) {
        BulkBar<T> bar = new BulkBar<>(typed, service, environment, properties.getBulkBatchSize(), grid, () -> query,
                this::refresh);
        bulk = bar;
        actionButtons = bar.actionButtons;
        return bar;
    }

    /** "Export CSV" of the current search, filters and order, streamed; only for holders of the export permission. */
    private <T> HorizontalLayout exportControls(AdminModel<T> typed) {
        export.setId("export");
        export.setText(Messages.get("list.export.link"));
        export.setTitle(Messages.get("list.export.limit", properties.getExportLimit()));
        Locale exportLocale = CellFormat.locale(); // read here: the download runs outside the UI's thread
        export.setHref(event -> {
            event.setFileName(typed.slug() + ".csv");
            event.setContentType("text/csv;charset=UTF-8");
            CsvExport.write(service, typed, exportQuery, event.getOutputStream(), new CsvExport.Options(
                    properties.getExportLimit(), exportWithBom, properties.isExportEscapeFormulas(),
                    properties.isExportRawValues(), exportLocale));
        });
        exportBom.setValue(properties.isExportBom());
        exportWithBom = properties.isExportBom();
        exportBom.addValueChangeListener(change -> exportWithBom = change.getValue());
        HorizontalLayout controls = new HorizontalLayout(export, exportBom);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        controls.setVisible(service.can(typed, AdminOperation.EXPORT));
        return controls;
    }

    @SuppressWarnings("unchecked")
    private <T> void addColumns(AdminModel<T> typed) {
        ListEditor<T> inPlace = ListEditor.applies(typed, service)
                ? new ListEditor<>(typed, service, listEdits, this::refresh) : null;
        editor = inPlace;
        for (ListColumn<T> column : typed.columns()) {
            Grid.Column<Object> gridColumn = inPlace != null && inPlace.edits(column)
                    ? inPlace.addColumn(grid, column)
                    : grid.addColumn(row -> orDash(CellFormat.format(column.computed() != null
                            ? column.computed().apply((T) row) : PropertyValues.read(row, column.key()))));
            gridColumn.setHeader(column.label()).setKey(column.key()).setResizable(true);
            gridColumn.setSortable(column.sortable());
            sizeByContent(gridColumn, column.field() == null ? null : column.field().kind());
        }
    }

    /** An empty cell reads as "—", so a missing value is not mistaken for a rendering fault. */
    static String orDash(String text) {
        return text == null || text.isBlank() ? EMPTY_CELL : text;
    }

    static final String EMPTY_CELL = "—";

    /**
     * Widths from the content: every column measures its rows (auto width); text takes the room that is left, while
     * numbers, dates and yes/no values keep just what they need, so a title is no longer cut to 15 characters.
     */
    static void sizeByContent(Grid.Column<?> column, FieldKind kind) {
        boolean narrow = kind != null && switch (kind) {
            case INTEGER, LONG, DECIMAL, DOUBLE, BOOLEAN, DATE, DATE_TIME, INSTANT, TIME, OFFSET_DATE_TIME, YEAR,
                    YEAR_MONTH, CHAR, ENUM, UUID -> true;
            default -> false;
        };
        // Narrow values are measured; text is not (a long title measured in full pushed the last columns out of
        // the page): text columns share what the narrow ones leave, from a width that keeps ~20 characters.
        column.setAutoWidth(narrow);
        if (!narrow) {
            column.setWidth(TEXT_MIN_WIDTH);
        }
        column.setFlexGrow(narrow ? 0 : 1);
        if (kind == FieldKind.INTEGER || kind == FieldKind.LONG || kind == FieldKind.DECIMAL
                || kind == FieldKind.DOUBLE) {
            column.setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        }
    }

    /** The width a text column starts from before it takes its share of the free room. */
    static final String TEXT_MIN_WIDTH = "11em";

    /** "Searches title and author name." — the labels of the fields the search box looks in. */
    static String searchHelp(AdminModel<?> model) {
        List<String> labels = new ArrayList<>(model.searchPaths().stream().map(path -> lower(model.field(path)
                .map(AdminField::label).orElseGet(() -> relatedLabel(model, path)))).toList());
        // Computed columns that declare how a term finds rows are searched too ("reference").
        model.searchedColumns().forEach(column -> labels.add(lower(column.label())));
        if (labels.isEmpty()) {
            return "";
        }
        String joined = labels.size() == 1 ? labels.getFirst()
                : Messages.get("list.search.and", String.join(", ", labels.subList(0, labels.size() - 1)),
                        labels.getLast());
        return Messages.get("list.search.help", joined);
    }

    /** "author name" / "Name (Autor)": an attribute of a related entity, named in the reader's language. */
    static String relatedLabel(AdminModel<?> model, String path) {
        int dot = path.indexOf('.');
        AdminField relation = dot < 0 ? null : model.field(path.substring(0, dot)).orElse(null);
        if (relation == null || relation.target() == null) {
            return CellFormat.humanize(path.replace('.', ' '));
        }
        String attribute = dev.portcullis.admin.model.internal.ValueLabels.attribute(relation.target(),
                path.substring(path.lastIndexOf('.') + 1));
        return Messages.get("list.search.related", relation.label(), attribute);
    }

    /** A label inside a sentence: lower-cased in English ("Search books"); German keeps its nouns capitalised. */
    static String lower(String label) {
        return ListTexts.lower(label);
    }

    private void open(Object row) {
        UI.getCurrent().navigate(EntityFormView.class, new RouteParameters(
                Map.of("slug", model.slug(), "id", String.valueOf(PropertyValues.id(model, row)))));
    }

    /** Enter on a row: opens the row that has the focus (none when the focus is on the header). */
    void openFocused() {
        if (focusedRow != null && model.editable()) {
            open(focusedRow);
        }
    }

    private long lastPage = 1;

    private void goToPage(long page) {
        navigate(new ListQuery(query.search(), query.filters(), query.sort(), (int) Math.min(page, ListQuery.MAX_PAGE)));
    }

    /** Numbered buttons for up to two pages either side of the current one; the current one is marked. */
    private void showPageNumbers(long pages, boolean hasNext) {
        pageNumbers.removeAll();
        int current = query.page();
        long from = Math.max(1, current - 2);
        long to = pages > 0 ? Math.min(pages, current + 2) : current + (hasNext ? 1 : 0);
        for (long n = from; n <= to; n++) {
            long number = n;
            Button button = new Button(String.valueOf(n), click -> goToPage(number));
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            button.setAriaLabel(Messages.get("list.page.number", n));
            button.addClassName("pc-page-number");
            if (n == current) {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                button.getElement().setAttribute("aria-current", "page");
                button.setEnabled(false);
            }
            pageNumbers.add(button);
        }
    }

    /** Below this width (CSS px) the list keeps only its first columns. */
    static final int PHONE_WIDTH = 600;

    /** How many columns a phone keeps (besides the checkboxes); the rest are hidden, not squeezed. */
    static final int PHONE_COLUMNS = 2;

    private void narrowOnPhones() {
        UI ui = UI.getCurrent();
        if (ui == null || listeningToWidth) {
            return;
        }
        listeningToWidth = true;
        ui.getPage().retrieveExtendedClientDetails(details -> narrow(details.getWindowInnerWidth()));
        ui.getPage().addBrowserWindowResizeListener(resize -> narrow(resize.getWidth()));
    }

    /**
     * On a phone only the first columns stay, each wide enough to read; on a wider screen every column shows. The
     * filter drawer is folded on every width until asked for or in use (refresh()), so the width leaves it alone.
     */
    void narrow(int width) {
        boolean phone = width > 0 && width < PHONE_WIDTH;
        narrowed = phone;
        List<Grid.Column<Object>> columns = grid.getColumns().stream()
                .filter(column -> column.getKey() != null && model.column(column.getKey()).isPresent()).toList();
        for (int i = 0; i < columns.size(); i++) {
            Grid.Column<Object> column = columns.get(i);
            column.setVisible(!phone || i < PHONE_COLUMNS);
            if (phone) {
                // Share the phone's width rather than measure: a long title must not push the next column away.
                column.setAutoWidth(false);
                column.setWidth("6em");
                column.setFlexGrow(1);
            } else {
                column.setWidth("100px");
                sizeByContent(column, model.column(column.getKey()).map(ListColumn::field).map(AdminField::kind)
                        .orElse(null));
            }
        }
        if (phone) {
            addClassName("pc-narrow");
        } else {
            removeClassName("pc-narrow");
        }
    }

    /** Django's date_hierarchy: years, then the months of a year, then the days of a month, as range filters. */
    final HorizontalLayout dateBar = new HorizontalLayout();

    private AdminField dateHierarchy() {
        String path = model.admin().dateHierarchy();
        return path == null ? null : model.field(path).filter(f -> f.kind().isTemporal()).orElse(null);
    }

    private void showDateHierarchy(ListCriteria criteria) {
        AdminField field = dateHierarchy();
        dateBar.removeAll();
        if (field == null) {
            return;
        }
        dateLinks.setLength(0);
        fillDateHierarchy(field, criteria);
        if (!dateLinks.isEmpty()) {
            // One element with plain links, not a Button (with its own state node and listener) per year: 40 years
            // of buttons were ~170 KB of a session with the list open. The links navigate like the buttons did.
            dateBar.add(new Html("<span class=\"pc-date-links\" style=\"display: flex; flex-wrap: wrap;"
                    + " gap: 0 var(--lumo-space-m)\">" + dateLinks + "</span>"));
        }
    }

    private final StringBuilder dateLinks = new StringBuilder();

    private void fillDateHierarchy(AdminField field, ListCriteria criteria) {
        String path = field.path();
        LocalDate from = dateOrNull(query.filters().get(path + ListFilters.FROM));
        LocalDate to = dateOrNull(query.filters().get(path + ListFilters.TO));
        java.time.format.TextStyle month = java.time.format.TextStyle.FULL_STANDALONE;
        Locale locale = Messages.currentLocale();
        if (from != null && from.equals(to)) {
            dateLink(Messages.get("list.dates.back", from.getMonth().getDisplayName(month, locale) + " "
                    + from.getYear()),
                    path, from.withDayOfMonth(1), from.withDayOfMonth(from.lengthOfMonth()));
            dateLinks.append("<span>").append(escape(CellFormat.format(from))).append("</span>");
        } else if (from != null && to != null && from.getDayOfMonth() == 1 && from.getYear() == to.getYear()
                && from.getMonth() == to.getMonth() && to.getDayOfMonth() == to.lengthOfMonth()) {
            dateLink(Messages.get("list.dates.back", String.valueOf(from.getYear())), path, from.withDayOfYear(1), from.withMonth(12).withDayOfMonth(31));
            for (int day = 1; day <= from.lengthOfMonth(); day++) {
                LocalDate date = from.withDayOfMonth(day);
                dateLink(String.valueOf(day), path, date, date);
            }
        } else if (from != null && to != null && from.getDayOfYear() == 1 && from.getYear() == to.getYear()
                && to.getMonthValue() == 12 && to.getDayOfMonth() == 31) {
            dateLink(Messages.get("list.dates.all"), path, null, null);
            for (int m = 1; m <= 12; m++) {
                LocalDate first = from.withMonth(m);
                dateLink(first.getMonth().getDisplayName(month, locale), path, first,
                        first.withDayOfMonth(first.lengthOfMonth()));
            }
        } else {
            // Years that have rows matching everything else chosen: one aggregate query for the first and last.
            Object[] span = service.dateSpan(model, criteria, path);
            if (span == null) {
                return;
            }
            int first = yearOf(span[0]);
            int last = yearOf(span[1]);
            for (int year = last; year >= Math.max(first, last - MAX_YEARS + 1); year--) {
                dateLink(String.valueOf(year), path, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
        }
    }

    /** At most this many years are offered (newest first); older ones are reached with the date filter. */
    static final int MAX_YEARS = 40;

    /**
     * Appends a link to the list with this date range (none: all dates) and the rest of the URL's state; router-link
     * makes Vaadin navigate in place, as RouterLink does. The query string is URL-encoded and the whole escaped.
     */
    private void dateLink(String text, String path, LocalDate from, LocalDate to) {
        Map<String, String> values = new HashMap<>(query.filters());
        values.remove(path + ListFilters.FROM);
        values.remove(path + ListFilters.TO);
        if (from != null) {
            values.put(path + ListFilters.FROM, from.toString());
            values.put(path + ListFilters.TO, to.toString());
        }
        String target = RouteConfiguration.forSessionScope().getUrl(EntityListView.class,
                new RouteParameters("slug", model.slug()));
        String queryString = toUrl(new ListQuery(query.search(), values, query.sort(), 1)).getQueryString();
        String href = queryString.isEmpty() ? target : target + "?" + queryString;
        dateLinks.append("<a router-link href=\"").append(escape(href)).append("\">").append(escape(text))
                .append("</a> ");
    }

    /** The same text as HTML (for text and attribute values in double quotes). */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static LocalDate dateOrNull(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException bad) {
            return null;
        }
    }

    private static int yearOf(Object value) {
        return switch (value) {
            case LocalDate d -> d.getYear();
            case java.time.LocalDateTime t -> t.getYear();
            case java.time.Instant i -> i.atOffset(java.time.ZoneOffset.UTC).getYear();
            default -> LocalDate.parse(String.valueOf(value).substring(0, 10)).getYear();
        };
    }

    /** Enter pressed on a grid cell itself (not inside a checkbox or an editor in it). */
    static final String ENTER_ON_ROW = "event.key === 'Enter' && event.target === element";

    /** Whether the list is laid out for a phone. */
    boolean narrowed;
    private boolean listeningToWidth;

    private Component filterField(AdminField field) {
        String name = field.path();
        Component component = switch (field.kind()) {
            case BOOLEAN -> {
                Select<String> select = new Select<>();
                select.setItems("", "true", "false");
                select.setItemLabelGenerator(v -> v.isEmpty() ? Messages.get("list.filters.all")
                        : v.equals("true") ? Messages.get("list.filters.yes") : Messages.get("list.filters.no"));
                select.addValueChangeListener(change -> filterChanged(change.isFromClient(), name, change.getValue()));
                yield select;
            }
            case ENUM -> {
                Select<String> select = new Select<>();
                List<String> values = new ArrayList<>(List.of(""));
                for (Object constant : field.javaType().getEnumConstants()) {
                    values.add(((Enum<?>) constant).name());
                }
                select.setItems(values);
                select.setItemLabelGenerator(v -> v.isEmpty() ? Messages.get("list.filters.all")
                        : dev.portcullis.admin.model.internal.ValueLabels.ofConstant(field.javaType(), v));
                select.addValueChangeListener(change -> filterChanged(change.isFromClient(), name, change.getValue()));
                yield select;
            }
            case MANY_TO_ONE -> relationFilter(field);
            default -> {
                DatePicker from = new DatePicker(Messages.get("list.filters.from", field.label()));
                DatePicker to = new DatePicker(Messages.get("list.filters.to"));
                DateInput.configure(from);
                DateInput.configure(to);
                from.addValueChangeListener(change -> filterChanged(change.isFromClient(), name + ListFilters.FROM,
                        change.getValue() == null ? null : change.getValue().toString()));
                to.addValueChangeListener(change -> filterChanged(change.isFromClient(), name + ListFilters.TO,
                        change.getValue() == null ? null : change.getValue().toString()));
                filterFields.put(name + ListFilters.FROM, from);
                filterFields.put(name + ListFilters.TO, to);
                HorizontalLayout range = new HorizontalLayout(from, to);
                range.setSpacing(false);
                range.getStyle().set("gap", "var(--lumo-space-xs)");
                yield range;
            }
        };
        if (component instanceof Select<?> select) {
            select.setLabel(field.label());
            filterFields.put(name, select);
        }
        return component;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Component relationFilter(AdminField field) {
        ComboBox<Object> combo = new ComboBox<>(field.label());
        combo.setItems((EntityChoices) new EntityChoices<>(service, field.target()));
        combo.setClearButtonVisible(true);
        combo.setItemLabelGenerator(String::valueOf);
        combo.addValueChangeListener(change -> filterChanged(change.isFromClient(), field.path(),
                change.getValue() == null ? null : String.valueOf(service.idOf(change.getValue()))));
        filterFields.put(field.path(), combo);
        return combo;
    }

    /** Shows the filter fields (the drawer opened, or a URL that filters), set to the URL's values. */
    void showFilters() {
        buildFilters();
        boolean was = applying;
        applying = true;
        try {
            showState();
        } finally {
            applying = was;
        }
    }

    /**
     * Filter fields are made on first need, not with every list: most visits never filter, and the fields (selects
     * with their items, date pickers, a combo box with its data provider) are ~60 KB of a session's heap.
     */
    private void buildFilters() {
        if (!filterFields.isEmpty() || model.filters().isEmpty()) {
            return;
        }
        filters.removeAll();
        for (AdminField field : model.filters()) {
            filters.add(filterField(field));
        }
        Button clear = new Button(Messages.get("list.filters.clear"), click -> navigate(
                new ListQuery(query.search(), Map.of(), query.sort(), 1)));
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        filters.add(clear);
    }

    /** "Filters", or "Filters (2 in use)": a folded drawer still says that the rows are filtered. */
    String filterSummary() {
        long inUse = model.filters().stream().filter(field -> Stream.of("", ListFilters.FROM, ListFilters.TO)
                .map(suffix -> query.filters().get(field.path() + suffix))
                .anyMatch(value -> value != null && !value.isBlank())).count();
        return inUse == 0 ? Messages.get("list.filters.title") : Messages.get("list.filters.inUse", inUse);
    }

    private void filterChanged(boolean fromClient, String name, String value) {
        if (!fromClient || applying) {
            return;
        }
        Map<String, String> values = new HashMap<>(query.filters());
        if (value == null || value.isBlank()) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
        navigate(new ListQuery(query.search(), values, query.sort(), 1));
    }

    private void refresh() {
        applying = true;
        try {
            if (!query.filters().isEmpty()) {
                buildFilters();
                filterDrawer.setOpened(true);
            }
            filterDrawer.setSummaryText(filterSummary());
            showState();
            // The URL state is read once (filters parsed, related search matches looked up) for the page and count.
            ListCriteria criteria = service.criteria(model, query);
            criteria.problems().forEach(problem -> Notification.show(problem, 5000, Notification.Position.BOTTOM_START));
            ListPage<?> page = service.list(model, criteria);
            shown = page;
            CappedCount total = service.count(model, criteria);
            showDateHierarchy(criteria);
            if (editor != null) {
                editor.reset();
            }
            grid.setItems(new ArrayList<>(page.rows()));
            exportQuery = query;
            bulk.listed(total, page.hasNext() || query.page() > 1);
            count.setText(countText(total, model));
            empty.setText(page.rows().isEmpty() ? (query.page() > 1 ? Messages.get("list.empty.page")
                    : Messages.get("list.empty.none", lower(model.pluralLabel()))) : "");
            empty.setVisible(page.rows().isEmpty());
            previous.setEnabled(query.page() > 1);
            first.setEnabled(query.page() > 1);
            next.setEnabled(page.hasNext());
            long pages = total.capped() ? -1 : Math.max(1, (total.value() + page.pageSize() - 1) / page.pageSize());
            lastPage = pages;
            last.setVisible(pages > 0);
            last.setEnabled(pages > 0 && query.page() < pages);
            showPageNumbers(pages, page.hasNext());
            pageLabel.setText(pages > 0 ? Messages.get("list.page.of", query.page(), pages)
                    : Messages.get("list.page.number", query.page()));
        } finally {
            applying = false;
        }
    }

    /**
     * "42 books", "1 book", "10,000+ books" in English; "10.000+ Bücher" style in German: the count is formatted for
     * the user's locale and stops at the cap.
     */
    static String countText(CappedCount total, AdminModel<?> model) {
        return ListTexts.count(total, model.label(), model.pluralLabel());
    }

    /** Puts the URL's state into the controls (after back/forward, or a bookmark). */
    @SuppressWarnings("unchecked")
    private void showState() {
        search.setValue(query.search());
        for (Map.Entry<String, Component> entry : filterFields.entrySet()) {
            String value = query.filters().get(entry.getKey());
            switch (entry.getValue()) {
                case Select<?> select -> ((Select<String>) select).setValue(value == null ? "" : value);
                case DatePicker picker -> {
                    try {
                        picker.setValue(value == null ? null : LocalDate.parse(value));
                    } catch (java.time.format.DateTimeParseException bad) {
                        picker.clear();
                    }
                }
                case ComboBox<?> combo -> {
                    AdminField field = model.field(entry.getKey()).orElseThrow();
                    Object id = value == null ? null : service.parseRelatedId(field.target(), value);
                    ((ComboBox<Object>) combo).setValue(id == null ? null : service.findChoice(field.target(), id));
                }
                default -> {
                }
            }
        }
        SortOrder sort = query.sort() != null && service.isSortable(model, query.sort().path()) ? query.sort() : null;
        Grid.Column<Object> column = sort == null ? null : grid.getColumnByKey(sort.path());
        grid.sort(column == null ? List.of() : List.of(new GridSortOrder<>(column,
                sort.descending() ? SortDirection.DESCENDING : SortDirection.ASCENDING)));
    }
}
