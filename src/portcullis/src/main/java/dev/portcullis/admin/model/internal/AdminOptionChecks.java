package dev.portcullis.admin.model.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.portcullis.admin.ComputedColumn;
import dev.portcullis.admin.ModelAdmin;
import dev.portcullis.checks.CheckMessage;
import dev.portcullis.admin.model.AdminField;
import dev.portcullis.admin.model.FieldKind;
import dev.portcullis.admin.model.SortOrder;
import dev.portcullis.admin.model.EntityLabels;

/**
 * The start-up checks of a {@link ModelAdmin}'s options, one {@code check<Option>} method per option in the manner
 * of Django's {@code _check_<option>}: each returns its messages (empty when the option is right), each message with a
 * stable id, the entity, the option, the bad value and a hint. They only report; the model is built from the options
 * once no error is left.
 *
 * <p>Ids: where Django's admin has the same check, its number with its meaning (admin.E006, E033, E035, E037, E038,
 * E108, E109, E116, E121, E122, E124, E125), so what a Django developer knows still holds. Every other check is
 * Portcullis's own and lives in a range Django's admin does not use (it has E0xx, E1xx, E2xx and E4xx/W4xx): admin.E3xx
 * and admin.W3xx, next to the form checks admin.W200/W201 ({@link FormCoverageChecks}). E30x is the registration, E31x
 * the form, E32x the list, E33x the inlines.
 */
final class AdminOptionChecks {

    /** Largest page the list shows: a bigger one makes every page load slow. */
    static final int MAX_PER_PAGE = 500;

    private final EntityAttributes attributes;
    private final String source;
    private final String entityName;

    AdminOptionChecks(EntityAttributes attributes, Class<?> entityClass) {
        this.attributes = attributes;
        this.source = entityClass.getName();
        this.entityName = entityClass.getSimpleName();
    }

    /**
     * Every check, in a fixed order so the report reads the same at every start.
     *
     * @param slug the slug in use (the admin's own or the one derived from the class name)
     * @param display the list's columns in use (the admin's own or the default ones)
     */
    List<CheckMessage> checkAll(ModelAdmin<?> admin, String slug, List<String> display) {
        List<String> computed = admin.computedColumns().stream().map(ComputedColumn::name).toList();
        return Stream.of(checkIdType(), checkSlug(slug), checkComputedColumns(computed),
                        checkListDisplay(display, Set.copyOf(computed)), checkSearchFields(admin.searchFields()),
                        checkListFilter(admin.listFilter()), checkOrdering(admin.ordering()),
                        checkListPerPage(admin.listPerPage()), checkReadonlyFields(admin.readonlyFields()),
                        checkExclude(admin.exclude()), checkInlines(admin.inlines()),
                        checkAutocompleteFields(admin.autocompleteFields()), checkSecretFields(admin.secretFields()),
                        checkFields(admin.fields()), checkRowLabel(admin), checkDateHierarchy(admin.dateHierarchy()),
                        checkListEditable(admin.listEditable(), display, admin.readonlyFields()))
                .flatMap(List::stream).toList();
    }

    /** The admin addresses a row by its id; without a single id of a type it can parse, rows are read-only. */
    List<CheckMessage> checkIdType() {
        if (attributes.editable()) {
            return List.of();
        }
        return List.of(CheckMessage.warning("admin.W301", source,
                "'" + entityName + "' has a composite or unsupported id type, so the admin lists it read-only.",
                "Give it a single id of type Long, Integer, String or UUID to edit it in the admin."));
    }

    List<CheckMessage> checkSlug(String slug) {
        if (slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            return List.of();
        }
        return List.of(refersTo("admin.E303", "slug", slug, "must be lower-case letters and digits separated by '-'",
                "Use e.g. '" + Names.kebab(entityName) + "'."));
    }

    /** A computed column named like an attribute would hide the attribute in 'listDisplay'. */
    List<CheckMessage> checkComputedColumns(List<String> names) {
        return names.stream().filter(attributes.paths()::contains)
                .map(name -> refersTo("admin.E325", "computedColumns", name,
                        "has the name of an attribute of " + entityName, "Give the computed column a name of its own."))
                .toList();
    }

    List<CheckMessage> checkListDisplay(List<String> display, Set<String> computed) {
        List<CheckMessage> messages = new ArrayList<>();
        for (int i = 0; i < display.size(); i++) {
            String name = display.get(i);
            if (computed.contains(name)) {
                continue;
            }
            String option = "listDisplay[" + i + "]";
            AdminField field = path("admin.E108", option, name, messages);
            if (field != null && (field.kind() == FieldKind.ONE_TO_MANY || field.kind() == FieldKind.MANY_TO_MANY)) {
                messages.add(refersTo("admin.E109", option, name, "is a to-many relation",
                        "Show a count or summary through a computed column instead."));
            }
        }
        return messages;
    }

    List<CheckMessage> checkSearchFields(List<String> searchFields) {
        return eachPath("searchFields", searchFields, "admin.E323",
                field -> field.kind() == FieldKind.TEXT || field.kind() == FieldKind.LONG_TEXT,
                (option, value, field) -> refersTo("admin.E324", option, value, "is not a text attribute",
                        "Search only text attributes, e.g. 'name' or 'author.name'."));
    }

    List<CheckMessage> checkListFilter(List<String> listFilter) {
        return eachPath("listFilter", listFilter, "admin.E116", field -> field.kind().isFilterable(),
                (option, value, field) -> refersTo("admin.E321", option, value,
                        "cannot be filtered: it is a " + field.kind().description(),
                        "Filter by yes/no, enum, date (LocalDate), date-time (LocalDateTime, Instant) or to-one"
                                + " relation attributes."));
    }

    List<CheckMessage> checkOrdering(List<String> ordering) {
        List<String> paths = ordering.stream().map(spec -> SortOrder.parse(spec).path()).toList();
        return eachPath("ordering", paths, "admin.E033", field -> field.kind().isSortable(),
                (option, value, field) -> refersTo("admin.E320", option, value, "cannot be sorted by the database",
                        "Order by a plain attribute or a to-one relation's attribute."));
    }

    List<CheckMessage> checkListPerPage(int perPage) {
        if (perPage >= 1 && perPage <= MAX_PER_PAGE) {
            return List.of();
        }
        return List.of(refersTo("admin.E322", "listPerPage", String.valueOf(perPage),
                "must be between 1 and " + MAX_PER_PAGE, "Pages of 50 to 100 rows keep the list fast."));
    }

    List<CheckMessage> checkReadonlyFields(List<String> readonlyFields) {
        return unknownAttributes("readonlyFields", readonlyFields, "admin.E035");
    }

    List<CheckMessage> checkExclude(List<String> exclude) {
        return unknownAttributes("exclude", exclude, "admin.E311");
    }

    List<CheckMessage> checkInlines(List<String> inlines) {
        List<CheckMessage> messages = unknownAttributes("inlines", inlines, "admin.E330");
        inlines.stream().filter(attributes::isTopLevel)
                .filter(name -> attributes.get(name).kind() != FieldKind.ONE_TO_MANY)
                .forEach(name -> messages.add(refersTo("admin.E331", "inlines", name, "is not a one-to-many relation",
                        "List only @OneToMany attributes as inlines.")));
        return messages;
    }

    List<CheckMessage> checkAutocompleteFields(List<String> autocompleteFields) {
        List<CheckMessage> messages = unknownAttributes("autocompleteFields", autocompleteFields, "admin.E037");
        autocompleteFields.stream().filter(attributes::isTopLevel)
                .filter(name -> attributes.get(name).kind() != FieldKind.MANY_TO_ONE
                        && attributes.get(name).kind() != FieldKind.MANY_TO_MANY)
                .forEach(name -> messages.add(refersTo("admin.E038", "autocompleteFields", name,
                        "is not a to-one or many-to-many relation",
                        "Only relations can be edited with a searching combo box.")));
        return messages;
    }

    /** The date drill-down needs a date attribute; a misspelt or non-date one would silently show no drill-down. */
    List<CheckMessage> checkDateHierarchy(String dateHierarchy) {
        if (dateHierarchy == null) {
            return List.of();
        }
        List<CheckMessage> messages = new ArrayList<>();
        AdminField field = path("admin.E326", "dateHierarchy", dateHierarchy, messages);
        if (field != null && !field.kind().isTemporal()) {
            messages.add(refersTo("admin.E327", "dateHierarchy", dateHierarchy, "is not a date or date-time attribute",
                    "Drill down by a LocalDate, LocalDateTime or Instant attribute, e.g. 'publishedOn'."));
        }
        return messages;
    }

    /** The kinds a list cell can edit in place: one short input each. */
    static final Set<FieldKind> LIST_EDITABLE_KINDS = Set.of(FieldKind.TEXT, FieldKind.INTEGER, FieldKind.LONG,
            FieldKind.DECIMAL, FieldKind.DOUBLE, FieldKind.BOOLEAN, FieldKind.ENUM, FieldKind.DATE);

    /**
     * Django's list_editable checks with Django's numbers: an attribute of the entity (E121), shown in the list (E122),
     * not the first column, which links to the row (E124), editable (E125: not the id nor read-only); and Portcullis's
     * own: a kind a list cell can edit (E328: text, number, yes/no, enum, date).
     */
    List<CheckMessage> checkListEditable(List<String> listEditable, List<String> display, List<String> readonly) {
        List<CheckMessage> messages = new ArrayList<>();
        for (int i = 0; i < listEditable.size(); i++) {
            String name = listEditable.get(i);
            String option = "listEditable[" + i + "]";
            if (!attributes.isTopLevel(name)) {
                List<String> candidates = attributes.topLevelNames();
                messages.add(refersTo("admin.E121", option, name, "is not an attribute of " + entityName,
                        Names.closest(name, candidates).map(c -> "Did you mean '" + c + "'? ").orElse("")
                                + "Attributes of " + entityName + ": " + String.join(", ", candidates) + "."));
            } else if (!display.contains(name)) {
                messages.add(refersTo("admin.E122", option, name, "is not contained in 'listDisplay'",
                        "Add '" + name + "' to listDisplay, or remove it from listEditable."));
            } else if (display.getFirst().equals(name)) {
                messages.add(refersTo("admin.E124", option, name,
                        "is the first column of 'listDisplay', which links to the row",
                        "Put another column first in listDisplay, or do not edit this one in the list."));
            } else if (name.equals(attributes.idName()) || readonly.contains(name)) {
                messages.add(refersTo("admin.E125", option, name, "is not editable (the id or a read-only attribute)",
                        "Edit only attributes the form may change."));
            } else if (!LIST_EDITABLE_KINDS.contains(attributes.get(name).kind())) {
                messages.add(refersTo("admin.E328", option, name,
                        "cannot be edited in a list cell: it is a " + attributes.get(name).kind().description(),
                        "Edit text, numbers, yes/no values, enums and dates (LocalDate) in the list; the rest in the"
                                + " form."));
            }
        }
        return messages;
    }

    /** Secret fields are masked in the history; a misspelt one would silently record its value. */
    List<CheckMessage> checkSecretFields(List<String> secretFields) {
        return unknownAttributes("secretFields", secretFields, "admin.E312");
    }

    List<CheckMessage> checkFields(List<String> fields) {
        List<CheckMessage> messages = unknownAttributes("fields", fields, "admin.E310");
        Set<String> seen = new LinkedHashSet<>();
        fields.stream().filter(attributes::isTopLevel).filter(name -> !seen.add(name))
                .forEach(name -> messages.add(refersTo("admin.E006", "fields", name, "is listed twice",
                        "List each attribute once.")));
        return messages;
    }

    /**
     * Rows are named in list cells, choices, delete previews and the history; "Order line #17" tells an admin little,
     * so an entity whose rows would read like that is reported (admin.W302), and a misspelt labelAttribute stops the
     * start (admin.E305).
     */
    List<CheckMessage> checkRowLabel(ModelAdmin<?> admin) {
        if (admin.labelAttribute() != null) {
            String name = admin.labelAttribute();
            return attributes.isTopLevel(name) ? List.of() : List.of(refersTo("admin.E305", "labelAttribute", name,
                    "is not an attribute of " + entityName, Names.closest(name, attributes.topLevelNames())
                            .map(c -> "Did you mean '" + c + "'? ").orElse("") + "Attributes of " + entityName + ": "
                            + String.join(", ", attributes.topLevelNames()) + "."));
        }
        if (EntityLabels.overridesToLabel(admin) || !EntityLabels.fallsBackToId(admin.entityClass())) {
            return List.of();
        }
        return List.of(CheckMessage.warning("admin.W302", source, "Rows of '" + entityName + "' will read as '"
                        + Names.humanize(entityName) + " #17' everywhere in the admin: it has no toString() of its"
                        + " own and no name-like attribute (" + String.join(", ", EntityLabels.NAME_ATTRIBUTES) + ").",
                "Name the attribute that identifies a row with labelAttribute, override ModelAdmin.toLabel(entity),"
                        + " or write a toString()."));
    }

    /** What a path-valued option reports when the path exists but its attribute does not fit the option. */
    @FunctionalInterface
    private interface Misfit {
        CheckMessage report(String option, String value, AdminField field);
    }

    /** Checks each path of an option: that it exists ({@code unknownId}), then that its attribute fits. */
    private List<CheckMessage> eachPath(String option, List<String> values, String unknownId,
            Predicate<AdminField> fits, Misfit misfit) {
        List<CheckMessage> messages = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String item = option + "[" + i + "]";
            AdminField field = path(unknownId, item, values.get(i), messages);
            if (field != null && !fits.test(field)) {
                messages.add(misfit.report(item, values.get(i), field));
            }
        }
        return messages;
    }

    /** Resolves a dotted path; reports and returns null when a segment is wrong. */
    private AdminField path(String id, String option, String path, List<CheckMessage> messages) {
        EntityAttributes.Lookup lookup = attributes.lookup(path);
        if (lookup.field() == null) {
            messages.add(refersTo(id, option, path, lookup.problem(), lookup.hint()));
        }
        return lookup.field();
    }

    /** Reports each value that is not an attribute of the entity itself. */
    private List<CheckMessage> unknownAttributes(String option, List<String> values, String id) {
        List<CheckMessage> messages = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (!attributes.isTopLevel(value)) {
                List<String> candidates = attributes.topLevelNames();
                messages.add(refersTo(id, option + "[" + i + "]", value, "is not an attribute of " + entityName,
                        Names.closest(value, candidates).map(c -> "Did you mean '" + c + "'? ").orElse("")
                                + "Attributes of " + entityName + ": " + String.join(", ", candidates) + "."));
            }
        }
        return messages;
    }

    private CheckMessage refersTo(String id, String option, String value, String problem, String hint) {
        return CheckMessage.error(id, source,
                "The value of '" + option + "' refers to '" + value + "', which " + problem + ".", hint);
    }
}
