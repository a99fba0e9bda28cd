package dev.portcullis.auth;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.admin.ui.EntityFormView;
import dev.portcullis.admin.ui.EntityListView;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.KaribuTest;
import dev.portcullis.auth.internal.LoginThrottleService;

/** Administrators see sign-in locks and lift them; the records themselves cannot be edited or deleted. */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class LoginLockAdminTest extends KaribuTest {

    @Autowired
    LoginThrottleService throttle;

    @Autowired
    AdminUserService users;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void aLockIsListedAndLiftedAndItsRecordStaysReadOnly() {
        users.createUser("lock-admin", "correct horse battery staple", true, true, false);
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("erin", "10.9.9.9");
        }
        assertThat(throttle.check("erin", "10.9.9.9").allowed()).isFalse();
        signInAs("lock-admin");

        UI.getCurrent().navigate(EntityListView.class, new RouteParameters("slug", "login-lock"));
        Grid<Object> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(1);
        com.github.mvysny.kaributesting.v10.LocatorJ._assertNone(Button.class, spec -> spec.withText("Add sign-in lock"));
        grid.select(GridKt._get(grid, 0));
        _click(_get(Button.class, spec -> spec.withText("Lift lock")));
        // The action changes data, so it asks first.
        _click(_get(Button.class, spec -> spec.withId("confirm-action")));
        assertThat(throttle.check("erin", "10.9.9.9").allowed()).isTrue();
        assertThat(jdbc.queryForObject("select unlocked_by from portcullis_login_lock where throttle_key = 'user:erin'",
                String.class)).isEqualTo("lock-admin");

        Long id = jdbc.queryForObject("select id from portcullis_login_lock where throttle_key = 'user:erin'", Long.class);
        UI.getCurrent().navigate(EntityFormView.class,
                new RouteParameters(Map.of("slug", "login-lock", "id", String.valueOf(id))));
        EntityFormView form = _get(EntityFormView.class);
        com.github.mvysny.kaributesting.v10.LocatorJ._assertNone(form, Button.class, spec -> spec.withId("save"));
        com.github.mvysny.kaributesting.v10.LocatorJ._assertNone(form, Button.class, spec -> spec.withId("delete"));
    }
}
