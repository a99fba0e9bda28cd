package dev.portcullis.admin.data.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.metamodel.Attribute;

/**
 * A search box's text as predicates: every term must match one of the search paths, case-insensitively. For a path
 * across a to-one relation ("author.name") the matching related ids are looked up first and the rows are matched by
 * foreign key: then every term of the search is on the listed table itself, and PostgreSQL can combine a trigram
 * index on the title with the index on author_id instead of joining and scanning. When very many related rows match,
 * the plain join is used. A path on the listed table itself that has an H2 full-text index ({@link H2FullText}) is
 * matched through that index for terms it can answer. Those look-ups are {@linkplain #resolve resolved} once per list
 * state, not once per query.
 */
public final class TextSearch {

    private static final int MAX_SEARCH_TERMS = 10;
    /** Up to this many related rows matching a search are matched by foreign key rather than by a join. */
    private static final int RELATED_MATCHES = 1_000;

    /** One term on one path. */
    record Match(String term, String path) {
    }

    /** How one term on one path is matched when not by {@code lower(path) like '%term%'}. */
    sealed interface Resolved permits Related, Indexed {
    }

    /** By foreign key: the ids of the related rows that match. */
    record Related(List<Object> ids) implements Resolved {
    }

    /** Through the database's full-text index on the path. */
    record Indexed(H2FullText.Index index) implements Resolved {
    }

    private final EntityManager em;
    private final EntityIds ids;
    private final H2FullText fullText;

    public TextSearch(EntityManager em, EntityIds ids) {
        this.em = em;
        this.ids = ids;
        this.fullText = new H2FullText(em);
    }

    /** The search's terms, lower-cased, at most {@value #MAX_SEARCH_TERMS}. */
    static List<String> terms(String search) {
        return Arrays.stream(search.toLowerCase(Locale.ROOT).split("\\s+")).filter(t -> !t.isEmpty())
                .limit(MAX_SEARCH_TERMS).toList();
    }

    /**
     * For each term on each path across a to-one relation, the ids of the related rows that match it, and for each
     * term on a path with a full-text index that can answer it, that index; a pair left out is matched by
     * {@code like} (a plain path without an index, or too many related rows: by a join).
     */
    Map<Match, Resolved> resolve(Class<?> type, List<String> terms, List<String> paths) {
        Map<Match, Resolved> matches = new LinkedHashMap<>();
        // Each path's index is looked up once per search (not once per term), and only if a term could use one.
        Map<String, Optional<H2FullText.Index>> indexes = new HashMap<>();
        for (String term : terms) {
            for (String path : paths) {
                Optional<H2FullText.Index> index = H2FullText.fits(term)
                        ? indexes.computeIfAbsent(path, p -> fullText.index(type, p)) : Optional.empty();
                if (index.isPresent()) {
                    matches.put(new Match(term, path), new Indexed(index.get()));
                    continue;
                }
                List<Object> related = relatedIds(type, path, pattern(term));
                if (related != null) {
                    matches.put(new Match(term, path), new Related(List.copyOf(related)));
                }
            }
        }
        return matches;
    }

    private List<Object> relatedIds(Class<?> type, String path, String pattern) {
        int dot = path.indexOf('.');
        if (dot <= 0 || path.indexOf('.', dot + 1) >= 0) {
            return null;
        }
        Attribute<?, ?> attribute = em.getMetamodel().entity(type).getAttribute(path.substring(0, dot));
        if (attribute.getPersistentAttributeType() != Attribute.PersistentAttributeType.MANY_TO_ONE
                && attribute.getPersistentAttributeType() != Attribute.PersistentAttributeType.ONE_TO_ONE) {
            return null;
        }
        Class<?> target = attribute.getJavaType();
        List<Object> found = em.createQuery("select r." + ids.idName(target) + " from " + em.getMetamodel()
                .entity(target).getName() + " r where lower(r." + path.substring(dot + 1) + ") like :pattern escape '\\'",
                Object.class).setParameter("pattern", pattern).setMaxResults(RELATED_MATCHES + 1).getResultList();
        return found.size() <= RELATED_MATCHES ? found : null;
    }

    /** Every term matches one of the paths, using the resolved related ids where there are some. */
    Predicate predicate(List<String> terms, List<String> paths, Map<Match, Resolved> matches, Joins joins,
            CriteriaBuilder cb) {
        List<Predicate> all = new ArrayList<>();
        for (String term : terms) {
            // A related path known to match nothing is left out of the OR rather than written as a false condition,
            // so that an index condition on another path stays usable by the database.
            Predicate[] any = paths.stream()
                    .filter(path -> !(matches.get(new Match(term, path)) instanceof Related(List<Object> none)
                            && none.isEmpty()))
                    .map(path -> textMatch(term, path, matches, joins, cb)).toArray(Predicate[]::new);
            all.add(any.length == 0 ? cb.disjunction() : any.length == 1 ? any[0] : cb.or(any));
        }
        return cb.and(all.toArray(Predicate[]::new));
    }

    private Predicate textMatch(String term, String path, Map<Match, Resolved> matches, Joins joins,
            CriteriaBuilder cb) {
        Resolved resolved = matches.get(new Match(term, path));
        if (resolved instanceof Indexed(H2FullText.Index index)) {
            return fullText.contains(cb, joins.root().get(ids.idName(joins.root().getJavaType())), index, term);
        }
        if (resolved instanceof Related(List<Object> related)) {
            String relation = path.substring(0, path.indexOf('.'));
            Class<?> target = joins.root().getModel().getAttribute(relation).getJavaType();
            return joins.root().get(relation).get(ids.idName(target)).in(related);
        }
        return cb.like(cb.lower(joins.path(path).as(String.class)), pattern(term), '\\');
    }

    /** The rows containing the term, counted in its full-text index alone, up to the limit. */
    int countIndexed(Indexed indexed, String term, int limit) {
        return fullText.count(indexed.index(), term, limit);
    }

    private static String pattern(String term) {
        return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
