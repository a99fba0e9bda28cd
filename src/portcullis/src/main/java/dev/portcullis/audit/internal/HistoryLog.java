package dev.portcullis.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;

import dev.portcullis.admin.AdminChange;
import dev.portcullis.admin.AdminHistory;

/**
 * The history log in the database (table {@code portcullis_history}). Appending locks the chain's head row until the
 * transaction commits, so writers on any number of nodes append strictly one after the other; each entry's hash
 * covers its content and its predecessor's hash. Nothing here updates or deletes an entry.
 */
@Transactional
public class HistoryLog implements AdminHistory {

    private static final Logger log = LoggerFactory.getLogger(HistoryLog.class);
    private static final String COLUMNS = "id, occurred_at, username, action, entity, object_id, object_label, detail,"
            + " changes, prev_hash, hash";
    private static final int TEXT_LIMIT = 255;
    private static final int DETAIL_LIMIT = 2_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public HistoryLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void record(Authentication user, AdminChange change) {
        Map<String, Object> head = jdbc.queryForMap(
                "select last_id, last_hash from portcullis_history_head where id = 1 for update");
        long id = ((Number) head.get("last_id")).longValue() + 1;
        String previous = (String) head.get("last_hash");
        // Stored to the millisecond, so the hash computed now matches the value read back on any database.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String username = user == null || user.getName() == null ? "(system)" : cut(user.getName(), 150);
        String label = cut(change.objectLabel(), TEXT_LIMIT);
        String detail = cut(change.detail(), DETAIL_LIMIT);
        String objectId = cut(change.objectId(), TEXT_LIMIT);
        String json = ChangesJson.write(change.fields());
        String hash = ChainHash.of(id, now, username, change.kind().name(), change.entity(), objectId, label, detail,
                json, previous);
        jdbc.update("insert into portcullis_history (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id,
                now.atOffset(ZoneOffset.UTC), username, change.kind().name(), change.entity(), objectId, label,
                detail, json, previous, hash);
        jdbc.update("update portcullis_history_head set last_id = ?, last_hash = ? where id = 1", id, hash);
        log.debug("History #{}: {} {} {} #{}", id, username, change.kind(), change.entity(), objectId);
    }

    /** The newest entries about one row, newest first. */
    @Transactional(readOnly = true)
    List<HistoryEntry> forObject(String entity, String objectId, int limit) {
        return jdbc.query("select " + COLUMNS + " from portcullis_history where entity = ? and object_id = ?"
                + " order by id desc fetch first " + limit + " rows only", ROW, entity, objectId);
    }

    /** The newest entries, of one user or (username null) of everyone, newest first. */
    @Transactional(readOnly = true)
    List<HistoryEntry> recent(String username, int limit) {
        return username == null
                ? jdbc.query("select " + COLUMNS + " from portcullis_history order by id desc fetch first " + limit
                        + " rows only", ROW)
                : jdbc.query("select " + COLUMNS + " from portcullis_history where username = ? order by id desc"
                        + " fetch first " + limit + " rows only", ROW, username);
    }

    /**
     * Re-reads the whole log in order and checks every link: each entry's hash matches its content, names its
     * predecessor's hash, follows it without a gap, and the head names the last entry.
     *
     * @return the first problem found, or empty when the chain is intact
     */
    @Transactional(readOnly = true)
    Optional<String> verify() {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(1_000);
        String[] problem = {null};
        long[] expectedId = {1};
        String[] previous = {ChainHash.GENESIS};
        streaming.query("select " + COLUMNS + " from portcullis_history order by id", (ResultSet rs) -> {
            if (problem[0] != null) {
                return;
            }
            long id = rs.getLong("id");
            String previousHash = rs.getString("prev_hash");
            String hash = rs.getString("hash");
            if (id != expectedId[0]) {
                problem[0] = expectedId[0] == 1 ? "History entry #" + id + " is the first one; entries before"
                        + " it were removed." : "History entry #" + expectedId[0] + " is missing: #" + id
                        + " follows #" + (expectedId[0] - 1) + ".";
            } else if (!previous[0].equals(previousHash)) {
                problem[0] = "History entry #" + id + " does not follow #" + (id - 1)
                        + ": its link to the previous entry was changed.";
            } else if (!ChainHash.of(id, instant(rs), rs.getString("username"), rs.getString("action"),
                    rs.getString("entity"), rs.getString("object_id"), rs.getString("object_label"),
                    rs.getString("detail"), rs.getString("changes"), previousHash).equals(hash)) {
                problem[0] = "History entry #" + id + " (" + instant(rs) + ", " + rs.getString("username")
                        + ") was altered: its content no longer matches its hash.";
            }
            expectedId[0] = id + 1;
            previous[0] = hash;
        });
        if (problem[0] != null) {
            return Optional.of(problem[0]);
        }
        Map<String, Object> head = jdbc.queryForMap("select last_id, last_hash from portcullis_history_head where id = 1");
        long lastId = ((Number) head.get("last_id")).longValue();
        if (lastId != expectedId[0] - 1 || !previous[0].equals(head.get("last_hash"))) {
            return Optional.of("The history log ends at entry #" + (expectedId[0] - 1) + " but its head names #"
                    + lastId + ": the newest entries were removed or the head was changed.");
        }
        return Optional.empty();
    }

    private static final RowMapper<HistoryEntry> ROW = (rs, row) -> {
        String json = rs.getString("changes");
        return new HistoryEntry(rs.getLong("id"), instant(rs), rs.getString("username"),
                AdminChange.Kind.valueOf(rs.getString("action")), rs.getString("entity"), rs.getString("object_id"),
                rs.getString("object_label"), rs.getString("detail"), ChangesJson.read(json), json,
                rs.getString("prev_hash"), rs.getString("hash"));
    };

    private static Instant instant(ResultSet rs) throws SQLException {
        OffsetDateTime value = rs.getObject("occurred_at", OffsetDateTime.class);
        return value == null ? Instant.EPOCH : value.toInstant();
    }

    private static String cut(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }

}
