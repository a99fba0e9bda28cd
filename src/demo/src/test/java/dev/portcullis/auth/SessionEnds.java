package dev.portcullis.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import dev.portcullis.auth.internal.AdminSession;
import dev.portcullis.auth.internal.SessionEndReasons;
import dev.portcullis.auth.internal.SessionTracker;

/**
 * Every way a session ends is recorded with when, why and (for an administrator's doing) by whom, in the columns
 * migration V16 adds; addresses and browsers are stored as the list shows them. Run on H2 and PostgreSQL.
 */
abstract class SessionEnds {

    static final String CHROME_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    @Autowired
    SessionTracker tracker;

    @Autowired
    AdminUserService users;

    @Autowired
    AdminUserDetailsService userDetails;

    @Autowired
    JdbcTemplate jdbc;

    private AdminPrincipal user(String name) {
        if (users.findByUsername(name).isEmpty()) {
            users.createUser(name, "correct horse battery staple", true, false, false);
        }
        return (AdminPrincipal) userDetails.loadUserByUsername(name);
    }

    private Map<String, Object> row(String sessionId) {
        return jdbc.queryForMap("select client_address, browser, ended_at, end_reason, ended_by from portcullis_session"
                + " where session_hash = ?", SessionTracker.hash(sessionId));
    }

    @Test
    void addressAndBrowserAreStoredAsTheListShowsThem() {
        AdminPrincipal olga = user("ends-olga");
        tracker.touch("ends-local", olga, "0:0:0:0:0:0:0:1", CHROME_ON_WINDOWS, true);
        tracker.touch("ends-mapped", olga, "::ffff:10.0.0.7", "curl/8.5.0", true);
        assertThat(row("ends-local")).containsEntry("client_address", "::1")
                .containsEntry("browser", "Chrome 131 on Windows");
        assertThat(row("ends-mapped")).containsEntry("client_address", "10.0.0.7");
    }

    @Test
    void signingOutEndsTheSessionAsSignedOut() {
        AdminPrincipal pia = user("ends-pia");
        tracker.touch("ends-signout", pia, "10.0.0.8", CHROME_ON_WINDOWS, true);
        tracker.signedOut("ends-signout");
        assertThat(row("ends-signout").get("ended_at")).isNotNull();
        assertThat(row("ends-signout")).containsEntry("end_reason", "signed-out").containsEntry("ended_by", null);
        assertThat(tracker.touch("ends-signout", pia, "10.0.0.8", CHROME_ON_WINDOWS, true)).isEqualTo("signed-out");
        // Signing out twice (a second tab) keeps the first record.
        tracker.signedOut("ends-signout");
        assertThat(row("ends-signout")).containsEntry("end_reason", "signed-out");
    }

    @Test
    void anAdministratorsEndNamesThem() {
        AdminPrincipal quinn = user("ends-quinn");
        tracker.touch("ends-by-admin", quinn, "10.0.0.9", CHROME_ON_WINDOWS, true);
        AdminSession session = tracker.openSessions(quinn.getUserId()).getFirst();
        tracker.end(session, SessionEndReasons.ENDED_BY, "ends-root");
        assertThat(row("ends-by-admin")).containsEntry("end_reason", "ended-by")
                .containsEntry("ended_by", "ends-root");
        tracker.touch("ends-reset", quinn, "10.0.0.9", CHROME_ON_WINDOWS, true);
        tracker.endOthers(quinn.getUserId(), null, SessionEndReasons.PASSWORD_SET, "ends-root");
        assertThat(row("ends-reset")).containsEntry("end_reason", "password-set")
                .containsEntry("ended_by", "ends-root");
    }

    @Test
    void theUsersOwnPasswordChangeEndsTheirOtherSessionsWithoutAnAdministrator() {
        AdminPrincipal rosa = user("ends-rosa");
        tracker.touch("ends-keep", rosa, "10.0.0.10", CHROME_ON_WINDOWS, true);
        tracker.touch("ends-other", rosa, "10.0.0.11", CHROME_ON_WINDOWS, true);
        tracker.endOthers(rosa.getUserId(), "ends-keep", SessionEndReasons.PASSWORD_CHANGED);
        assertThat(row("ends-other")).containsEntry("end_reason", "password-changed").containsEntry("ended_by", null);
        assertThat(row("ends-keep").get("ended_at")).isNull();
    }
}
