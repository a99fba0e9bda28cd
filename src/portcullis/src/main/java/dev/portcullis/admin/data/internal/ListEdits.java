package dev.portcullis.admin.data.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.portcullis.admin.AdminOperation;
import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.data.SaveRejectedException;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.internal.PropertyValues;

import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/**
 * Saves the rows edited in place in a list ({@code listEditable}) together: all of them or none, in one transaction.
 * The change permission is checked here, on the server, before anything is read; every row first has its version
 * compared with the stored one and its values validated, so the problems of all rows are reported at once, each by
 * its row; only when none has one is each row saved through {@link AdminEntityService#save}, with the form's scope,
 * rights checks, validation and history. A save refused then (a unique value taken, a change that came in between)
 * rolls back every row saved before it.
 */
public final class ListEdits {

    private final AdminEntityService service;
    private final EntityManager em;
    private final TransactionTemplate transactions;
    private final Validator validator;

    /** @param validator Bean Validation, or null when the application has none (the save still validates) */
    public ListEdits(AdminEntityService service, EntityManager em, PlatformTransactionManager transactions,
            Validator validator) {
        this.service = service;
        this.em = em;
        this.transactions = new TransactionTemplate(transactions);
        this.validator = validator;
    }

    /**
     * Saves the edited rows (detached, with the version they were read with), all or none.
     *
     * @return the problems by row id, in the rows' order; empty when every row was saved
     * @throws AccessDeniedException when the user may not change the entity's rows; nothing is saved
     */
    public <T> Map<Object, SaveRejectedException> saveAll(AdminModel<T> model, List<T> rows) {
        AdminAccess.require(model, AdminOperation.CHANGE);
        Map<Object, SaveRejectedException> problems = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            return problems;
        }
        transactions.executeWithoutResult(status -> {
            for (T row : rows) {
                SaveRejectedException problem = precheck(model, row);
                if (problem != null) {
                    problems.put(PropertyValues.id(model, row), problem);
                }
            }
            if (!problems.isEmpty()) {
                status.setRollbackOnly();
                return;
            }
            for (T row : rows) {
                try {
                    service.save(model, row);
                } catch (SaveRejectedException refused) {
                    problems.put(PropertyValues.id(model, row), refused);
                    // Local rollback-only: the rows saved before this one are undone, and the template rolls back
                    // quietly instead of failing on the participating save's global mark.
                    status.setRollbackOnly();
                    return;
                }
            }
        });
        return problems;
    }

    /** A row changed or deleted by someone else since it was read, or values that do not validate; else null. */
    private <T> SaveRejectedException precheck(AdminModel<T> model, T row) {
        String what = model.label().toLowerCase(java.util.Locale.ROOT);
        Object id = PropertyValues.id(model, row);
        EntityType<T> type = em.getMetamodel().entity(model.entityClass());
        SingularAttribute<? super T, ?> version = type.getSingularAttributes().stream()
                .filter(SingularAttribute::isVersion).findFirst().orElse(null);
        if (version != null) {
            List<?> stored = em.createQuery("select e." + version.getName() + " from " + type.getName() + " e where e."
                    + model.idAttribute() + " = :id", Object.class).setParameter("id", id).getResultList();
            Object seen = PropertyValues.read(row, version.getName());
            if (stored.isEmpty() || !sameVersion(stored.getFirst(), seen)) {
                return SaveFailures.stale(what, null);
            }
        }
        if (validator != null) {
            Set<ConstraintViolation<T>> violations = validator.validate(row);
            if (!violations.isEmpty()) {
                return SaveFailures.translate(model, new ConstraintViolationException(violations)).orElseThrow();
            }
        }
        return null;
    }

    private static boolean sameVersion(Object stored, Object seen) {
        if (stored instanceof Number a && seen instanceof Number b) {
            return a.longValue() == b.longValue();
        }
        return Objects.equals(stored, seen);
    }
}
