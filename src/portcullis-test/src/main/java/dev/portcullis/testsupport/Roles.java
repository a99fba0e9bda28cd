package dev.portcullis.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;

/** Roles and memberships written straight into the database, for tests about rights. */
public final class Roles {

    private Roles() {
    }

    /** Creates the role with these permissions unless it exists; returns its id. */
    public static long role(JdbcTemplate jdbc, String name, String... permissions) {
        Long existing = jdbc.queryForList("select id from portcullis_role where name = ?", Long.class, name).stream()
                .findFirst().orElse(null);
        if (existing != null) {
            return existing;
        }
        jdbc.update("insert into portcullis_role (name, version, active) values (?, 0, true)", name);
        long id = jdbc.queryForObject("select id from portcullis_role where name = ?", Long.class, name);
        for (String permission : permissions) {
            jdbc.update("insert into portcullis_role_permission (role_id, permission) values (?, ?)", id, permission);
        }
        return id;
    }

    /** Gives the user the role unless they hold it. */
    public static void grant(JdbcTemplate jdbc, String username, String roleName) {
        jdbc.update("insert into portcullis_user_role (user_id, role_id) select u.id, r.id from portcullis_user u,"
                + " portcullis_role r where u.username = ? and r.name = ? and not exists (select 1 from"
                + " portcullis_user_role x where x.user_id = u.id and x.role_id = r.id)", username, roleName);
    }

    public static long userId(JdbcTemplate jdbc, String username) {
        return jdbc.queryForObject("select id from portcullis_user where username = ?", Long.class, username);
    }
}
