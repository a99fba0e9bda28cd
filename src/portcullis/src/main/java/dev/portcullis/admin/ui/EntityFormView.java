package dev.portcullis.admin.ui;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.admin.AdminHistory;
import dev.portcullis.admin.AdminOperation;
import dev.portcullis.admin.internal.AdminPageTitles;
import dev.portcullis.environment.internal.EnvironmentInfo;
import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.data.DeletionPreview;
import dev.portcullis.admin.data.InlineEdits;
import dev.portcullis.admin.data.NotFoundException;
import dev.portcullis.admin.data.SaveRejectedException;
import dev.portcullis.admin.model.AdminField;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.admin.model.EntityLabels;
import dev.portcullis.admin.model.FieldKind;
import dev.portcullis.admin.model.internal.PropertyValues;
import dev.portcullis.admin.model.internal.Wording;
import dev.portcullis.i18n.Messages;

import jakarta.annotation.security.RolesAllowed;
import dev.portcullis.admin.ui.internal.ChildLink;
import dev.portcullis.admin.ui.internal.DeleteConfirmation;
import dev.portcullis.admin.ui.internal.FieldFactory;
import dev.portcullis.admin.ui.internal.InlineRows;

/**
 * Adds or changes one row. Fields come from the entity's attributes; Bean Validation messages appear at the
 * field; a refused save (someone else saved first, a unique value taken) says why and keeps what was typed;
 * leaving with unsaved changes asks first; delete shows what else goes with it.
 */
@Route(value = ":slug/:id", layout = MainLayout.class)
@RolesAllowed("STAFF")
public class EntityFormView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver,
        HasDynamicTitle {

    /** The id segment of the add form. */
    public static final String NEW = "add";

    private final AdminRegistry registry;
    private final AdminEntityService service;
    private final AdminPageTitles titles;
    private final EnvironmentInfo environment;
    private final boolean historyKept;

    AdminModel<Object> model;
    Object entity;
    boolean isNew;
    Binder<Object> binder;
    final H1 title = new H1();
    final Div problem = new Div();
    final Button save = new Button(Messages.get("common.save"));
    final Button saveAndAddAnother = new Button(Messages.get("admin.form.save-and-add-another"));
    final Button saveAndContinue = new Button(Messages.get("admin.form.save-and-continue"));
    final Button saveAsNew = new Button(Messages.get("admin.form.save-as-new"));
    final Button delete = new Button(Messages.get("common.delete"));
    final Button cancel = new Button(Messages.get("admin.form.back-to-list"));
    private boolean leavingConfirmed;
    /** Set when this add form was opened from a parent's "Add pet" link. */
    ChildLink childLink;
    private final Map<String, Component> fieldComponents = new java.util.LinkedHashMap<>();
    final List<InlineRows> inlineRows = new java.util.ArrayList<>();

    final Anchor history = new Anchor();

    public EntityFormView(AdminRegistry registry, AdminEntityService service, AdminPageTitles titles,
            EnvironmentInfo environment, org.springframework.beans.factory.ObjectProvider<AdminHistory> histories) {
        this.registry = registry;
        this.service = service;
        this.titles = titles;
        this.environment = environment;
        this.historyKept = histories.getIfAvailable() != null;
        history.setText(Messages.get("admin.form.history"));
        history.setId("history");
        addClassName("pc-form");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save");
        saveAndAddAnother.setId("save-and-add");
        saveAndContinue.setId("save-and-continue");
        saveAsNew.setId("save-as-new");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setId("delete");
        problem.addClassName("pc-problem");
        problem.getElement().setAttribute("role", "alert");
        save.addClickListener(click -> save(AfterSave.LIST));
        saveAndAddAnother.addClickListener(click -> save(AfterSave.ADD_ANOTHER));
        saveAndContinue.addClickListener(click -> save(AfterSave.CONTINUE));
        saveAsNew.addClickListener(click -> saveAsNew());
        delete.addClickListener(click -> confirmDelete());
        cancel.addClickListener(click -> backToList());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        String idText = event.getRouteParameters().get("id").orElse("");
        model = (AdminModel<Object>) registry.bySlug(slug)
                .orElseThrow(() -> new NotFoundException(Messages.get("admin.no-section", slug)));
        if (!model.editable()) {
            throw new NotFoundException(Messages.get("admin.form.list-only", Wording.plural(model)));
        }
        isNew = NEW.equals(idText);
        childLink = isNew ? ChildLink.from(event.getLocation().getQueryParameters(), registry, service, model)
                : null;
        if (isNew) {
            entity = service.newInstance(model);
        } else {
            Object id = service.parseId(model, idText);
            if (id == null) {
                throw new NotFoundException(Messages.get("admin.form.no-such-row", Wording.label(model), idText));
            }
            entity = service.get(model, id);
        }
        leavingConfirmed = false;
        build();
    }

    @Override
    public String getPageTitle() {
        return model == null ? titles.of(null) : titles.of(isNew ? Messages.get("admin.form.add", Wording.noun(model))
                : Messages.get("admin.form.change", Wording.noun(model)));
    }

    private void build() {
        removeAll();
        boolean canWrite = service.can(model, isNew ? AdminOperation.ADD : AdminOperation.CHANGE);
        title.setText(isNew ? Messages.get("admin.form.add", Wording.noun(model))
                : canWrite ? Messages.get("admin.form.change-title", Wording.noun(model), EntityLabels.of(entity))
                : Messages.get("admin.form.view-title", Wording.noun(model), EntityLabels.of(entity)));
        Anchor back = new Anchor(model.slug(), Wording.plural(model));
        back.addClassName("pc-breadcrumb");
        problem.setText("");
        problem.setVisible(false);

        binder = new Binder<>();
        fieldComponents.clear();
        inlineRows.clear();
        FieldFactory fields = new FieldFactory(binder, service, model.admin(), model.entityClass());
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        List<Component> inlines = new java.util.ArrayList<>();
        for (AdminField field : model.formFields()) {
            if (field.kind() == FieldKind.ONE_TO_MANY) {
                inlines.add(inline(field, canWrite));
                continue;
            }
            Component component = fields.create(field, !canWrite);
            fieldComponents.put(field.path(), component);
            form.add(component);
            if (field.kind() == FieldKind.LONG_TEXT || field.kind() == FieldKind.MANY_TO_MANY) {
                form.setColspan(component, 2);
            }
        }
        binder.readBean(entity);

        save.setVisible(canWrite);
        saveAndAddAnother.setVisible(canWrite && service.can(model, AdminOperation.ADD));
        saveAndContinue.setVisible(canWrite && childLink == null);
        // Django's save_as: an option, and only for users who may add (the save re-checks that on the server).
        saveAsNew.setVisible(!isNew && model.admin().saveAs() && service.can(model, AdminOperation.ADD));
        delete.setVisible(!isNew && service.can(model, AdminOperation.DELETE));
        HorizontalLayout buttons = new HorizontalLayout(save, saveAndContinue, saveAndAddAnother, saveAsNew, delete,
                cancel);
        // Stays at the bottom of the screen while a long form scrolls (responsive.css), and wraps on a phone.
        buttons.addClassName("pc-form-buttons");
        HorizontalLayout links = new HorizontalLayout();
        links.addClassName("pc-object-links");
        if (!isNew) {
            if (historyKept) {
                history.setHref(model.slug() + "/" + PropertyValues.id(model, entity) + "/history");
                links.add(history);
            }
            model.admin().objectLinks(entity).forEach((label, path) -> links.add(new Anchor(path, label)));
        }
        add(back, title, links, problem, form);
        inlines.forEach(this::add);
        add(buttons);
    }

    private Component inline(AdminField field, boolean canWrite) {
        Object value = isNew ? null : PropertyValues.read(entity, field.path());
        List<?> children = value instanceof Collection<?> collection ? List.copyOf(collection) : List.of();
        List<AdminField> columns = model.inlineRows(field.path());
        boolean editable = canWrite && !field.readOnly() && !columns.isEmpty()
                && children.size() <= InlineRows.MAX_ROWS && childAllows(field, children);
        InlineRows rows = new InlineRows(field, columns.isEmpty() ? List.of() : columns, children, service,
                editable, isNew ? null : addChildLink(field));
        if (editable) {
            inlineRows.add(rows);
        } else if (!children.isEmpty() && columns.isEmpty()) {
            rows.add(readOnlyChildren(field, children));
        }
        return rows;
    }

    /** When the children are administered themselves, their own add/change/delete rights apply inline too. */
    private boolean childAllows(AdminField field, List<?> children) {
        return registry.byClass(field.target()).map(child -> service.can(child, AdminOperation.ADD)
                && (children.isEmpty() || service.can(child, AdminOperation.CHANGE))).orElse(true);
    }

    /** "Add pet": the child's own add form, which links the new row to this parent when saved. */
    private Anchor addChildLink(AdminField field) {
        return registry.byClass(field.target()).filter(AdminModel::editable)
                .filter(child -> service.can(child, AdminOperation.ADD)
                        && service.can(model, AdminOperation.CHANGE))
                .map(child -> {
                    Anchor link = new Anchor(child.slug() + "/" + NEW + "?" + ChildLink.query(model.slug(),
                            String.valueOf(PropertyValues.id(model, entity)), field.path()),
                            Messages.get("admin.form.add", Wording.noun(child)));
                    link.setId("add-child-" + field.path());
                    return link;
                }).orElse(null);
    }

    private Component readOnlyChildren(AdminField field, List<?> children) {
        Grid<Object> grid = new Grid<>();
        grid.addColumn(EntityLabels::of).setHeader(field.label());
        grid.setItems(children.stream().limit(100).map(Object.class::cast).toList());
        grid.setAllRowsVisible(true);
        registry.byClass(field.target()).filter(AdminModel::editable).ifPresent(child ->
                grid.addItemClickListener(click -> UI.getCurrent().navigate(EntityFormView.class,
                        new RouteParameters(Map.of("slug", child.slug(),
                                "id", String.valueOf(service.idOf(click.getItem())))))));
        return grid;
    }

    /** Where a successful save leads. */
    enum AfterSave { LIST, ADD_ANOTHER, CONTINUE }

    void save(boolean addAnother) {
        save(addAnother ? AfterSave.ADD_ANOTHER : AfterSave.LIST);
    }

    void save(AfterSave after) {
        problem.setVisible(false);
        boolean valid = binder.validate().isOk();
        for (InlineRows rows : inlineRows) {
            valid &= rows.validate();
        }
        if (!valid) {
            showProblem(Messages.get("admin.form.correct-errors"));
            return;
        }
        try {
            binder.writeBean(entity);
        } catch (ValidationException invalid) {
            showProblem(Messages.get("admin.form.correct-errors"));
            return;
        }
        Map<String, InlineEdits.Rows> edits = new java.util.LinkedHashMap<>();
        inlineRows.forEach(rows -> edits.put(rows.path(), rows.edits()));
        Object saved;
        try {
            saved = childLink != null ? childLink.save(entity)
                    : service.save(model, entity, new InlineEdits(edits));
        } catch (SaveRejectedException rejected) {
            showProblem(rejected.getMessage());
            rejected.fieldProblems().forEach(this::showAtField);
            return;
        } catch (AccessDeniedException denied) {
            showProblem(Messages.get("admin.form.no-permission-to-save", Wording.noun(model),
                    Wording.pluralNoun(model)));
            return;
        }
        leavingConfirmed = true;
        Notification.show(Messages.get("admin.form.saved", Wording.noun(model), EntityLabels.of(saved)),
                3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        if (childLink != null) {
            childLink.backToParent();
        } else if (after == AfterSave.ADD_ANOTHER) {
            UI.getCurrent().navigate(EntityFormView.class,
                    new RouteParameters(Map.of("slug", model.slug(), "id", NEW)));
        } else if (after == AfterSave.CONTINUE) {
            reopen(saved);
        } else {
            backToList();
        }
    }

    /** The saved row's own form, read afresh (new version, generated values), so editing can go on. */
    private void reopen(Object saved) {
        String id = String.valueOf(PropertyValues.id(model, saved));
        if (isNew) {
            UI.getCurrent().navigate(EntityFormView.class, new RouteParameters(Map.of("slug", model.slug(), "id", id)));
        } else {
            entity = service.get(model, PropertyValues.id(model, saved));
            leavingConfirmed = false;
            build();
        }
    }

    /**
     * "Save as new": the form's values go into a fresh row, which is saved as an add (the server checks the add
     * permission and the entity's validation); the row the form was opened on stays untouched. Inline children
     * are not copied. On success the new row's form opens.
     */
    void saveAsNew() {
        problem.setVisible(false);
        if (!binder.validate().isOk()) {
            showProblem(Messages.get("admin.form.correct-errors"));
            return;
        }
        Object copy;
        try {
            copy = service.newInstance(model);
            binder.writeBean(copy);
        } catch (ValidationException invalid) {
            showProblem(Messages.get("admin.form.correct-errors"));
            return;
        } catch (AccessDeniedException denied) {
            showProblem(Messages.get("admin.form.no-permission-to-add", Wording.pluralNoun(model)));
            return;
        }
        Object saved;
        try {
            saved = service.save(model, copy, InlineEdits.NONE);
        } catch (SaveRejectedException rejected) {
            showProblem(rejected.getMessage());
            rejected.fieldProblems().forEach(this::showAtField);
            return;
        } catch (AccessDeniedException denied) {
            showProblem(Messages.get("admin.form.no-permission-to-add", Wording.pluralNoun(model)));
            return;
        }
        leavingConfirmed = true;
        Notification.show(Messages.get("admin.form.saved-as-new", Wording.noun(model), EntityLabels.of(saved)),
                3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        UI.getCurrent().navigate(EntityFormView.class, new RouteParameters(Map.of("slug", model.slug(),
                "id", String.valueOf(PropertyValues.id(model, saved)))));
    }

    private void showAtField(String path, String message) {
        if (fieldComponents.get(path) instanceof com.vaadin.flow.component.HasValidation field) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        }
    }

    void confirmDelete() {
        Object id = PropertyValues.id(model, entity);
        DeletionPreview preview = service.previewDelete(model, id);
        DeleteConfirmation.open(Messages.get("admin.form.subject", Wording.noun(model), EntityLabels.of(entity)),
                false, 1, preview,
                environment, List.of(), "confirm-delete", () -> delete(id));
    }

    void delete(Object id) {
        try {
            service.delete(model, id);
        } catch (SaveRejectedException rejected) {
            showProblem(rejected.getMessage());
            return;
        }
        leavingConfirmed = true;
        Notification.show(Messages.get("admin.form.deleted", Wording.noun(model), EntityLabels.of(entity)), 3000,
                Notification.Position.BOTTOM_START);
        backToList();
    }

    private void showProblem(String message) {
        problem.setText(message);
        problem.setVisible(true);
    }

    private void backToList() {
        UI.getCurrent().navigate(EntityListView.class, new RouteParameters("slug", model.slug()));
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (leavingConfirmed || binder == null
                || (!binder.hasChanges() && inlineRows.stream().noneMatch(InlineRows::hasChanges))) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        ConfirmDialog dialog = new ConfirmDialog(Messages.get("admin.form.discard-title"),
                Messages.get("admin.form.discard-text", Wording.noun(model)),
                Messages.get("admin.form.discard"), confirm -> {
                    leavingConfirmed = true;
                    action.proceed();
                });
        // Discarding is destructive: "Keep editing" has the focus, so Enter does not throw the changes away.
        Button keep = new Button(Messages.get("admin.form.keep-editing"), click -> dialog.close());
        keep.setId("keep-editing");
        keep.setAutofocus(true);
        dialog.setCancelable(true);
        dialog.setCancelButton(keep);
        dialog.open();
    }
}
