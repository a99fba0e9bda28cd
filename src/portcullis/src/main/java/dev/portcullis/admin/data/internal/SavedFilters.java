package dev.portcullis.admin.data.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.portcullis.admin.AdminOperation;
import dev.portcullis.admin.model.AdminModel;

import jakarta.persistence.EntityManager;

/**
 * Saved filters per user: a list's search, filters and order kept under a name, listed and applied from the list,
 * deleted by their owner. Every query names the signed-in user as the owner, so one user can neither see, apply nor
 * delete another's, whatever id they send; saving and reading also need the view permission on the entity.
 */
public final class SavedFilters {

    /** Longest name of a saved filter. */
    public static final int MAX_NAME = 100;
    /** Longest list state kept (a URL query string). */
    public static final int MAX_STATE = 2000;

    /** One saved filter as the list shows it. */
    public record Saved(long id, String name, String listState) {
    }

    private final EntityManager em;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;
    private final Clock clock;

    public SavedFilters(EntityManager em, PlatformTransactionManager transactions, Clock clock) {
        this.em = em;
        this.transactions = new TransactionTemplate(transactions);
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
        this.clock = clock;
    }

    /** The signed-in user's saved filters of this entity, by name. */
    public List<Saved> mine(AdminModel<?> model) {
        String me = owner(model);
        return reads.execute(status -> em.createQuery("select f from SavedListFilter f where f.username = :me"
                        + " and f.entity = :entity order by lower(f.name), f.id", SavedListFilter.class)
                .setParameter("me", me).setParameter("entity", model.slug()).getResultList().stream()
                .map(SavedFilters::saved).toList());
    }

    /** One of the signed-in user's saved filters of this entity; empty for another's or an unknown id. */
    public Optional<Saved> find(AdminModel<?> model, long id) {
        String me = owner(model);
        return reads.execute(status -> em.createQuery("select f from SavedListFilter f where f.id = :id"
                        + " and f.username = :me and f.entity = :entity", SavedListFilter.class)
                .setParameter("id", id).setParameter("me", me).setParameter("entity", model.slug()).getResultList()
                .stream().findFirst().map(SavedFilters::saved));
    }

    /**
     * Saves the list state under the name for the signed-in user; a filter of theirs with the same name is replaced.
     *
     * @throws IllegalArgumentException when the name is blank or too long, or the state too long
     */
    public Saved save(AdminModel<?> model, String name, String listState) {
        String me = owner(model);
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME || listState.length() > MAX_STATE) {
            throw new IllegalArgumentException("name of 1 to " + MAX_NAME + " characters and a state of at most "
                    + MAX_STATE + " expected");
        }
        return transactions.execute(status -> {
            SavedListFilter filter = em.createQuery("select f from SavedListFilter f where f.username = :me"
                            + " and f.entity = :entity and f.name = :name", SavedListFilter.class)
                    .setParameter("me", me).setParameter("entity", model.slug()).setParameter("name", trimmed)
                    .getResultList().stream().findFirst().orElse(null);
            if (filter == null) {
                filter = new SavedListFilter(me, model.slug(), trimmed, listState, clock.instant());
                em.persist(filter);
            } else {
                filter.replace(listState, clock.instant());
            }
            em.flush();
            return saved(filter);
        });
    }

    /** Deletes one of the signed-in user's saved filters; false when there is none of theirs with that id. */
    public boolean delete(AdminModel<?> model, long id) {
        String me = owner(model);
        Integer deleted = transactions.execute(status -> em.createQuery("delete from SavedListFilter f"
                        + " where f.id = :id and f.username = :me and f.entity = :entity")
                .setParameter("id", id).setParameter("me", me).setParameter("entity", model.slug()).executeUpdate());
        return deleted != null && deleted > 0;
    }

    /** The signed-in user's name, when they may view the entity's rows; otherwise refused. */
    private static String owner(AdminModel<?> model) {
        Authentication user = AdminAccess.require(model, AdminOperation.VIEW);
        if (user == null || user instanceof AnonymousAuthenticationToken || user.getName() == null) {
            throw new AccessDeniedException("saved filters need a signed-in user");
        }
        return user.getName();
    }

    private static Saved saved(SavedListFilter filter) {
        return new Saved(filter.id(), filter.name(), filter.listState());
    }
}
