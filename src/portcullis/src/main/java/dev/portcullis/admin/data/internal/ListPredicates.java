package dev.portcullis.admin.data.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;

import dev.portcullis.admin.ComputedColumn;
import dev.portcullis.admin.model.AdminField;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.SortOrder;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

/** A list's criteria as the where and order by clauses of one query: search, filters and the row scope. */
final class ListPredicates {

    private final EntityIds ids;
    private final TextSearch search;

    ListPredicates(EntityIds ids, TextSearch search) {
        this.ids = ids;
        this.search = search;
    }

    /** Search, filters and the model's row scope for the user; built once per query. */
    <T> Predicate[] where(AdminModel<T> model, ListCriteria criteria, Root<T> root, Joins joins, CriteriaBuilder cb,
            Authentication user) {
        List<Predicate> where = new ArrayList<>();
        if (!criteria.searchTerms().isEmpty()) {
            where.add(searchPredicate(model, criteria, root, joins, cb));
        }
        for (Map.Entry<AdminField, ListFilters.Value> entry : criteria.filters().entrySet()) {
            where.add(filterPredicate(entry.getKey(), entry.getValue(), joins, cb));
        }
        Predicate scope = model.admin().scope(root, cb, user);
        if (scope != null) {
            where.add(scope);
        }
        return where.toArray(Predicate[]::new);
    }

    /**
     * Every term matches a searched field (TextSearch) or a searched computed column ({@link ComputedColumn#search()}):
     * the computed columns' predicates are combined with the text search term by term, with OR.
     */
    private <T> Predicate searchPredicate(AdminModel<T> model, ListCriteria criteria, Root<T> root, Joins joins,
            CriteriaBuilder cb) {
        List<ComputedColumn<T>> computed = model.searchedColumns();
        if (computed.isEmpty()) {
            return search.predicate(criteria.searchTerms(), model.searchPaths(), criteria.relatedMatches(), joins, cb);
        }
        List<Predicate> all = new ArrayList<>();
        for (String term : criteria.searchTerms()) {
            List<Predicate> any = new ArrayList<>();
            if (!model.searchPaths().isEmpty()) {
                any.add(search.predicate(List.of(term), model.searchPaths(), criteria.relatedMatches(), joins, cb));
            }
            for (ComputedColumn<T> column : computed) {
                Predicate match = column.search().predicate(term, root, cb);
                if (match != null) {
                    any.add(match);
                }
            }
            all.add(any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(Predicate[]::new)));
        }
        return cb.and(all.toArray(Predicate[]::new));
    }

    static List<Order> orders(List<SortOrder> terms, Joins joins, CriteriaBuilder cb) {
        return terms.stream().map(term -> term.descending() ? cb.desc(joins.path(term.path()))
                : cb.asc(joins.path(term.path()))).toList();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Predicate filterPredicate(AdminField field, ListFilters.Value value, Joins joins, CriteriaBuilder cb) {
        Path<?> path = joins.path(field.path());
        return switch (field.kind()) {
            case MANY_TO_ONE -> {
                yield cb.equal(joins.path(field.path() + "." + ids.idName(field.target())), value.single());
            }
            case DATE -> range(cb, (Expression<LocalDate>) path, (LocalDate) value.from(), (LocalDate) value.to());
            case DATE_TIME -> range(cb, (Expression<LocalDateTime>) path,
                    value.from() == null ? null : ((LocalDate) value.from()).atStartOfDay(),
                    value.to() == null ? null : ((LocalDate) value.to()).plusDays(1).atStartOfDay().minusNanos(1000));
            case INSTANT -> range(cb, (Expression<Instant>) path,
                    value.from() == null ? null : ((LocalDate) value.from()).atStartOfDay().toInstant(ZoneOffset.UTC),
                    value.to() == null ? null
                            : ((LocalDate) value.to()).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1000));
            default -> cb.equal(path, value.single());
        };
    }

    private static <Y extends Comparable<? super Y>> Predicate range(CriteriaBuilder cb, Expression<Y> path, Y from,
            Y to) {
        List<Predicate> parts = new ArrayList<>();
        if (from != null) {
            parts.add(cb.greaterThanOrEqualTo(path, from));
        }
        if (to != null) {
            parts.add(cb.lessThanOrEqualTo(path, to));
        }
        return cb.and(parts.toArray(Predicate[]::new));
    }
}
