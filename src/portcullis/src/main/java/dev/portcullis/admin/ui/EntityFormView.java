package dev.portcullis.admin.ui;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
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
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.binder.BeanValidationBinder;
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
import dev.portcullis.admin.AdminPageTitles;
import dev.portcullis.environment.EnvironmentInfo;
import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.data.DeletionPreview;
import dev.portcullis.admin.data.NotFoundException;
import dev.portcullis.admin.data.SaveRejectedException;
import dev.portcullis.admin.model.AdminField;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.admin.model.FieldKind;
import dev.portcullis.admin.model.PropertyValues;

import jakarta.annotation.security.RolesAllowed;

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
    final H2 title = new H2();
    final Div problem = new Div();
    final Button save = new Button("Save");
    final Button saveAndAddAnother = new Button("Save and add another");
    final Button delete = new Button("Delete");
    final Button cancel = new Button("Back to list");
    private boolean leavingConfirmed;

    final Anchor history = new Anchor();

    public EntityFormView(AdminRegistry registry, AdminEntityService service, AdminPageTitles titles,
            EnvironmentInfo environment, org.springframework.beans.factory.ObjectProvider<AdminHistory> histories) {
        this.registry = registry;
        this.service = service;
        this.titles = titles;
        this.environment = environment;
        this.historyKept = histories.getIfAvailable() != null;
        history.setText("History");
        history.setId("history");
        addClassName("pc-form");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save");
        saveAndAddAnother.setId("save-and-add");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setId("delete");
        problem.addClassName("pc-problem");
        problem.getElement().setAttribute("role", "alert");
        save.addClickListener(click -> save(false));
        saveAndAddAnother.addClickListener(click -> save(true));
        delete.addClickListener(click -> confirmDelete());
        cancel.addClickListener(click -> backToList());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        String idText = event.getRouteParameters().get("id").orElse("");
        model = (AdminModel<Object>) registry.bySlug(slug)
                .orElseThrow(() -> new NotFoundException("There is no section '" + slug + "' in the admin."));
        if (!model.editable()) {
            throw new NotFoundException(model.pluralLabel() + " can only be listed in the admin.");
        }
        isNew = NEW.equals(idText);
        if (isNew) {
            entity = service.newInstance(model);
        } else {
            Object id = service.parseId(model, idText);
            if (id == null) {
                throw new NotFoundException(model.label() + " '" + idText + "' does not exist.");
            }
            entity = service.get(model, id);
        }
        leavingConfirmed = false;
        build();
    }

    @Override
    public String getPageTitle() {
        return model == null ? titles.of(null) : titles.of((isNew ? "Add " : "Change ") + model.label().toLowerCase(Locale.ROOT));
    }

    private void build() {
        removeAll();
        boolean canWrite = service.can(model, isNew ? AdminOperation.ADD : AdminOperation.CHANGE);
        title.setText(isNew ? "Add " + model.label().toLowerCase(Locale.ROOT)
                : (canWrite ? "Change " : "View ") + model.label().toLowerCase(Locale.ROOT) + ": " + entity);
        Anchor back = new Anchor(model.slug(), model.pluralLabel());
        back.addClassName("pc-breadcrumb");
        problem.setText("");
        problem.setVisible(false);

        binder = new BeanValidationBinder<>(model.entityClass());
        FieldFactory fields = new FieldFactory(binder, service, model.admin());
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        List<Component> inlines = new java.util.ArrayList<>();
        for (AdminField field : model.formFields()) {
            if (field.kind() == FieldKind.ONE_TO_MANY) {
                inlines.add(inline(field));
                continue;
            }
            Component component = fields.create(field, !canWrite);
            form.add(component);
            if (field.kind() == FieldKind.LONG_TEXT || field.kind() == FieldKind.MANY_TO_MANY) {
                form.setColspan(component, 2);
            }
        }
        binder.readBean(entity);

        save.setVisible(canWrite);
        saveAndAddAnother.setVisible(canWrite && service.can(model, AdminOperation.ADD));
        delete.setVisible(!isNew && service.can(model, AdminOperation.DELETE));
        HorizontalLayout buttons = new HorizontalLayout(save, saveAndAddAnother, delete, cancel);
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

    private Component inline(AdminField field) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.add(new H3(field.label()));
        Object value = isNew ? null : PropertyValues.read(entity, field.path());
        List<?> children = value instanceof Collection<?> collection ? List.copyOf(collection) : List.of();
        if (children.isEmpty()) {
            section.add(new Paragraph("None yet."));
            return section;
        }
        Grid<Object> grid = new Grid<>();
        grid.addColumn(CellFormat::format).setHeader(field.label());
        grid.setItems(children.stream().limit(100).map(Object.class::cast).toList());
        grid.setAllRowsVisible(true);
        registry.byClass(field.target()).filter(AdminModel::editable).ifPresent(child ->
                grid.addItemClickListener(click -> UI.getCurrent().navigate(EntityFormView.class,
                        new RouteParameters(Map.of("slug", child.slug(),
                                "id", String.valueOf(service.idOf(click.getItem())))))));
        section.add(grid);
        if (children.size() > 100) {
            section.add(new Paragraph("Showing the first 100 of " + children.size() + "."));
        }
        return section;
    }

    void save(boolean addAnother) {
        problem.setVisible(false);
        try {
            binder.writeBean(entity);
        } catch (ValidationException invalid) {
            showProblem("Please correct the errors below.");
            return;
        }
        Object saved;
        try {
            saved = service.save(model, entity);
        } catch (SaveRejectedException rejected) {
            showProblem(rejected.getMessage());
            return;
        } catch (AccessDeniedException denied) {
            showProblem("You do not have permission to save this " + model.label().toLowerCase(Locale.ROOT) + ".");
            return;
        }
        leavingConfirmed = true;
        Notification.show("Saved " + model.label().toLowerCase(Locale.ROOT) + " '" + saved + "'.", 3000,
                Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        if (addAnother) {
            UI.getCurrent().navigate(EntityFormView.class,
                    new RouteParameters(Map.of("slug", model.slug(), "id", NEW)));
        } else {
            backToList();
        }
    }

    void confirmDelete() {
        Object id = PropertyValues.id(model, entity);
        DeletionPreview preview = service.previewDelete(model, id);
        DeleteConfirmation.open(model.label().toLowerCase(Locale.ROOT) + " '" + entity + "'", false, 1, preview,
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
        Notification.show("Deleted " + model.label().toLowerCase(Locale.ROOT) + " '" + entity + "'.", 3000,
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
        if (leavingConfirmed || binder == null || !binder.hasChanges()) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        ConfirmDialog dialog = new ConfirmDialog("Discard unsaved changes?",
                "You changed this " + model.label().toLowerCase(Locale.ROOT) + " without saving.",
                "Discard changes", confirm -> {
                    leavingConfirmed = true;
                    action.proceed();
                });
        dialog.setCancelable(true);
        dialog.setCancelText("Keep editing");
        dialog.open();
    }
}
