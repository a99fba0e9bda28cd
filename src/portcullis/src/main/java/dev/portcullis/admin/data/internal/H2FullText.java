package dev.portcullis.admin.data.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.hibernate.Session;
import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.StandardBasicTypes;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

/**
 * H2's own full-text index ({@code FT_CREATE_INDEX}, part of the H2 jar, kept by a trigger inside the writing
 * transaction) as the list search's index on the embedded database. A host creates the index in a migration, e.g.
 * {@code CALL FT_CREATE_INDEX('PUBLIC', 'BOOK', 'TITLE')}; from then on a search term made of letters and digits is
 * matched through the index's word table instead of scanning every row with {@code LIKE '%term%'}.
 *
 * <p>The search keeps its "contains" meaning: H2 stores every word of the column (split at spaces and punctuation)
 * once, upper-cased, so the words that <em>contain</em> the term are found by scanning that small word table, and the
 * rows holding them through the index's map, all in one subquery of the list's own statement (no ids travel through
 * Java). A term of letters and digits never spans two of H2's words, so this finds exactly the rows
 * {@code lower(column) like '%term%'} finds, apart from H2's upper-casing (a search for "strasse" also finds
 * "Straße"). Other terms (with punctuation, say) are matched by scanning, as without an index.
 *
 * <p>Used only for a single-column index on the listed table whose primary key is one integral column (H2 stores the
 * row's key as text, {@code "ID"=42}).
 */
public final class H2FullText {

    /** The SQL function the criteria call; {@code ?1} the id, {@code ?2} where the key's digits start, ... */
    static final String FUNCTION = "portcullis_h2_fulltext";

    /**
     * The index's rows (ftr) holding a word (ftw) that contains the term; {@code %1$s} stands for the index id,
     * {@code %2$s} for the pattern (parameters in both statements).
     */
    private static final String MATCHING_ROWS = " from FT.WORDS ftw join FT.MAP ftm on ftm.WORDID = ftw.ID"
            + " join FT.\"ROWS\" ftr on ftr.ID = ftm.ROWID where ftr.INDEXID = %1$s and ftw.NAME like %2$s";

    private static final String SUBQUERY = "(?1 in (select cast(substring(ftr.\"KEY\", ?2) as bigint)"
            + MATCHING_ROWS.formatted("?3", "?4") + "))";

    private static final String COUNT = "select count(*) from (select distinct ftm.ROWID"
            + MATCHING_ROWS.formatted("?", "?") + " limit ?)";

    /** Terms the index can answer exactly: letters and digits only (H2 splits words at everything else). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** An index usable for one path: its id in FT.INDEXES and where the id's digits start in the stored key. */
    record Index(int id, int keyStart) {
    }

    private final EntityManager em;
    private volatile Boolean h2;

    H2FullText(EntityManager em) {
        this.em = em;
    }

    /** Registers the SQL function with Hibernate (META-INF/services); on other databases it is never called. */
    public static final class Function implements FunctionContributor {
        @Override
        public void contributeFunctions(FunctionContributions functions) {
            functions.getFunctionRegistry().registerPattern(FUNCTION, SUBQUERY,
                    functions.getTypeConfiguration().getBasicTypeRegistry().resolve(StandardBasicTypes.BOOLEAN));
        }
    }

    /** Whether the term can be answered by an index (letters and digits only). */
    static boolean fits(String term) {
        return WORD.matcher(term).matches();
    }

    /**
     * The full-text index of H2 covering exactly this attribute of the entity's own table, if there is one. Looked up
     * anew for every search (two small queries): an index dropped and made again gets a new id, and a remembered id
     * would then silently find nothing.
     */
    Optional<Index> index(Class<?> type, String path) {
        if (path.contains(".") || !isH2()) {
            return Optional.empty();
        }
        return find(type, path);
    }

    /**
     * The predicate "the attribute contains the term", answered by the index. Hibernate writes the pattern into the SQL
     * as a literal; only terms of letters and digits ({@link #fits}) get here, so it cannot contain a quote.
     */
    Predicate contains(CriteriaBuilder cb, Expression<?> id, Index index, String term) {
        return cb.isTrue(cb.function(FUNCTION, Boolean.class, id, cb.literal(index.keyStart()),
                cb.literal(index.id()), cb.literal(pattern(term))));
    }

    /**
     * How many rows contain the term, counted in the index alone (up to {@code limit}): for a list whose only condition
     * is this one term, where looking up every matching row would add nothing. H2's trigger keeps exactly one index
     * row per table row, so this is the count the table would give.
     */
    int count(Index index, String term, int limit) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement count = connection.prepareStatement(COUNT)) {
                count.setInt(1, index.id());
                count.setString(2, pattern(term));
                count.setInt(3, limit);
                try (ResultSet result = count.executeQuery()) {
                    result.next();
                    return result.getInt(1);
                }
            }
        });
    }

    /** The index's words are stored upper-cased: those containing the term. */
    private static String pattern(String term) {
        return "%" + term.toUpperCase(Locale.ROOT) + "%";
    }

    private boolean isH2() {
        Boolean known = h2;
        if (known == null) {
            known = em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices()
                    .getDialect() instanceof H2Dialect;
            h2 = known;
        }
        return known;
    }

    private Optional<Index> find(Class<?> type, String path) {
        EntityPersister persister = em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel().getEntityDescriptor(type);
        if (!(persister instanceof AbstractEntityPersister entity) || entity.getIdentifierColumnNames().length != 1
                || !isIntegral(entity.getIdentifierType().getReturnedClass())) {
            return Optional.empty();
        }
        String[] columns = entity.getPropertyColumnNames(path);
        if (columns.length != 1) {
            return Optional.empty();
        }
        String table = unquote(entity.getTableName());
        String column = unquote(columns[0]);
        String idColumn = unquote(entity.getIdentifierColumnNames()[0]);
        return em.unwrap(Session.class).doReturningWork(connection -> lookUp(connection, table, column, idColumn));
    }

    private static Optional<Index> lookUp(Connection connection, String table, String column, String idColumn)
            throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("select count(*) from INFORMATION_SCHEMA.TABLES"
                + " where TABLE_SCHEMA = 'FT' and TABLE_NAME = 'INDEXES'");
                ResultSet found = exists.executeQuery()) {
            if (!found.next() || found.getInt(1) == 0) {
                return Optional.empty();
            }
        }
        int dot = table.lastIndexOf('.');
        String schema = dot < 0 ? connection.getSchema() : table.substring(0, dot);
        String name = dot < 0 ? table : table.substring(dot + 1);
        try (PreparedStatement select = connection.prepareStatement("select ID from FT.INDEXES"
                + " where upper(SCHEMA) = upper(?) and upper(\"TABLE\") = upper(?) and upper(COLUMNS) = upper(?)")) {
            select.setString(1, schema);
            select.setString(2, name);
            select.setString(3, column);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                // H2 keeps the row's key as the condition that finds it: "ID"=42 (the column as it is stored).
                String storedId = '"' + idColumn.toUpperCase(Locale.ROOT) + "\"=";
                return Optional.of(new Index(rows.getInt(1), storedId.length() + 1));
            }
        }
    }

    private static boolean isIntegral(Class<?> type) {
        return type == Long.class || type == long.class || type == Integer.class || type == int.class
                || type == Short.class || type == short.class;
    }

    private static String unquote(String name) {
        return name.replace("\"", "").replace("`", "");
    }
}
