package dev.portcullis.admin.ui.internal;

import java.util.stream.Stream;

import com.vaadin.flow.data.provider.AbstractBackEndDataProvider;
import com.vaadin.flow.data.provider.Query;

import dev.portcullis.admin.data.AdminEntityService;

/**
 * Choices for a relation field, searched and paged on the server: a combo box over 10,000 authors loads one page
 * of them, never all. Rows are identified by their id, so a value loaded with the form matches the same row
 * fetched for the drop-down.
 */
public final class EntityChoices<R> extends AbstractBackEndDataProvider<R, String> {

    private final AdminEntityService service;
    private final Class<R> target;

    public EntityChoices(AdminEntityService service, Class<R> target) {
        this.service = service;
        this.target = target;
    }

    @Override
    protected Stream<R> fetchFromBackEnd(Query<R, String> query) {
        return service.lookup(target, query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream();
    }

    @Override
    protected int sizeInBackEnd(Query<R, String> query) {
        return service.lookupCount(target, query.getFilter().orElse(""));
    }

    @Override
    public Object getId(R item) {
        Object id = service.idOf(item);
        return id != null ? id : item;
    }
}
