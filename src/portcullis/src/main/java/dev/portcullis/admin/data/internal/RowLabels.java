package dev.portcullis.admin.data.internal;

import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.admin.model.EntityLabels;
import dev.portcullis.admin.model.internal.Names;
import dev.portcullis.admin.model.internal.ValueLabels;
import dev.portcullis.admin.model.internal.Wording;

/**
 * How a row and its entity read to an admin in delete previews and the history: the entity's own
 * {@code toString()} when it has one, else a name- or title-like attribute, else "Visit #12"; never
 * {@code Object.toString()} ("Visit@1b2c3d").
 */
public final class RowLabels {

    private final AdminRegistry registry;

    public RowLabels(AdminRegistry registry) {
        this.registry = registry;
    }

    /** "Jean Coleman", "Leo", "Visit #3": the one labelling rule of {@link EntityLabels}. */
    String of(Object row) {
        return EntityLabels.of(row);
    }

    /** "Pet", or the administered entity's label. */
    String singular(Class<?> type) {
        return registry.byClass(type).map(Wording::label)
                .orElseGet(() -> ValueLabels.entity(type, humanize(type.getSimpleName())));
    }

    /** "Pets", or the administered entity's plural label. */
    String plural(Class<?> type) {
        return registry.byClass(type).map(Wording::plural)
                .orElseGet(() -> ValueLabels.entityPlural(type, humanize(type.getSimpleName()) + "s"));
    }

    /** "vetSpecialties" → "Vet specialties". */
    static String humanize(String name) {
        return Names.humanize(name);
    }
}
