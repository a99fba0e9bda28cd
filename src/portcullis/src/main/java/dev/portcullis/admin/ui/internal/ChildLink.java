package dev.portcullis.admin.ui.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.data.InlineEdits;
import dev.portcullis.admin.model.AdminField;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.admin.model.FieldKind;
import dev.portcullis.admin.ui.EntityFormView;

/**
 * An add form opened from a parent's "Add pet" link: the new child is saved through the parent, in the parent's
 * transaction, so a child of a one-way relation (Pet has no owner attribute) is linked and never an orphan. The
 * parent is loaded with the user's rights and row scope; a link naming anything else is ignored.
 */
public final class ChildLink {

    private static final String PARENT = "parent";
    private static final String PARENT_ID = "parent-id";
    private static final String VIA = "via";

    private final AdminEntityService service;
    private final AdminModel<Object> parentModel;
    private final Object parent;
    private final String via;

    private ChildLink(AdminEntityService service, AdminModel<Object> parentModel, Object parent, String via) {
        this.service = service;
        this.parentModel = parentModel;
        this.parent = parent;
        this.via = via;
    }

    public static String query(String parentSlug, String parentId, String via) {
        return PARENT + "=" + encode(parentSlug) + "&" + PARENT_ID + "=" + encode(parentId) + "&" + VIA + "="
                + encode(via);
    }

    @SuppressWarnings("unchecked")
    public static ChildLink from(QueryParameters query, AdminRegistry registry, AdminEntityService service,
            AdminModel<?> child) {
        Map<String, List<String>> parameters = query.getParameters();
        String slug = single(parameters, PARENT);
        String id = single(parameters, PARENT_ID);
        String via = single(parameters, VIA);
        if (slug == null || id == null || via == null) {
            return null;
        }
        AdminModel<Object> parentModel = (AdminModel<Object>) registry.bySlug(slug).orElse(null);
        if (parentModel == null || !parentModel.editable()) {
            return null;
        }
        boolean linksHere = parentModel.formFields().stream().map(AdminField::path).anyMatch(via::equals)
                && parentModel.field(via).filter(f -> f.kind() == FieldKind.ONE_TO_MANY
                        && f.target().isAssignableFrom(child.entityClass())).isPresent();
        Object parentId = service.parseId(parentModel, id);
        if (!linksHere || parentId == null) {
            return null;
        }
        return new ChildLink(service, parentModel, service.get(parentModel, parentId), via);
    }

    /** Saves the new child into the parent's collection; returns the child. */
    public Object save(Object child) {
        service.save(parentModel, parent, new InlineEdits(Map.of(via,
                new InlineEdits.Rows(List.of(), List.of(child), List.of()))));
        return child;
    }

    public void backToParent() {
        UI.getCurrent().navigate(EntityFormView.class, new RouteParameters(Map.of("slug", parentModel.slug(),
                "id", String.valueOf(service.idOf(parent)))));
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.size() != 1 || values.getFirst().isBlank() ? null : values.getFirst();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
