package dev.portcullis.environment;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.admin.ui.DashboardView;
import dev.portcullis.admin.ui.EntityFormView;
import dev.portcullis.admin.ui.MainLayout;
import dev.portcullis.auth.internal.LoginView;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.BookshopKaribuTest;
import dev.portcullis.environment.internal.EnvironmentBanner;

/**
 * A protected environment, as production is: its name and colour on the login page and in the header, the tab
 * title prefixed, and large deletes that need the environment's name typed out.
 */
@SpringBootTest(classes = DemoApplication.class, properties = {"portcullis.environment.name=PRODUCTION",
        "portcullis.environment.color=#c62828", "portcullis.environment.protected-environment=true",
        "portcullis.environment.typed-confirmation-above=2"})
@ActiveProfiles("test")
class EnvironmentUiTest extends BookshopKaribuTest {

    @BeforeEach
    void data() {
        bookshopWithSuperuser(200, "env-admin");
    }

    @Test
    void loginPageCarriesTheBannerAndTheTitlePrefix() {
        UI.getCurrent().navigate(LoginView.class);
        EnvironmentBanner banner = _get(EnvironmentBanner.class);
        assertThat(banner.getText()).isEqualTo("PRODUCTION");
        assertThat(banner.getStyle().get("background")).isEqualTo("#c62828");
        assertThat(banner.getStyle().get("color")).isEqualTo("#ffffff");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("[PRODUCTION] Sign in · Portcullis Bookshop");
    }

    @Test
    void theHeaderIsTintedAndLabelledOnEveryAdminPage() {
        signInAs("env-admin");
        UI.getCurrent().navigate(DashboardView.class);
        MainLayout layout = _get(MainLayout.class);
        assertThat(layout.getElement().getStyle().get("--pc-header-background")).isEqualTo("#c62828");
        assertThat(layout.getElement().getStyle().get("--pc-header-text")).isEqualTo("#ffffff");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("[PRODUCTION] Dashboard · Portcullis Bookshop");
        UI.getCurrent().navigate("book");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("[PRODUCTION] Books · Portcullis Bookshop");
        assertThat(_get(MainLayout.class).getElement().getStyle().get("--pc-header-background")).isEqualTo("#c62828");
    }

    @Test
    void largeDeletesNeedTheEnvironmentNameTyped() {
        signInAs("env-admin");
        Long orderId = jdbc.queryForObject("select order_id from order_line group by order_id having count(*) >= 2"
                + " fetch first 1 rows only", Long.class);
        UI.getCurrent().navigate(EntityFormView.class,
                new RouteParameters(Map.of("slug", "order", "id", String.valueOf(orderId))));
        _click(_get(Button.class, spec -> spec.withId("delete")));
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        assertThat(dialog.getElement().getProperty("header")).isEqualTo("Delete order 'Order #" + orderId
                + "' in PRODUCTION?");
        Button confirm = _get(Button.class, spec -> spec.withId("confirm-delete"));
        TextField typed = _get(TextField.class, spec -> spec.withId("typed-confirmation"));
        assertThat(confirm.isEnabled()).isFalse();
        typed.setValue("production");
        assertThat(confirm.isEnabled()).as("the name must match exactly").isFalse();
        typed.setValue("PRODUCTION");
        assertThat(confirm.isEnabled()).isTrue();
        _click(confirm);
        assertThat(jdbc.queryForObject("select count(*) from shop_order where id = ?", Long.class, orderId)).isZero();
    }

    @Test
    void smallDeletesOnlyNameTheEnvironment() {
        signInAs("env-admin");
        jdbc.update("insert into customer (name, email, joined_at) values ('No Orders', 'no.orders@example.org',"
                + " current_timestamp)");
        Long customerId = jdbc.queryForObject("select id from customer where email = 'no.orders@example.org'",
                Long.class);
        UI.getCurrent().navigate(EntityFormView.class,
                new RouteParameters(Map.of("slug", "customer", "id", String.valueOf(customerId))));
        _click(_get(Button.class, spec -> spec.withId("delete")));
        assertThat(_get(ConfirmDialog.class).getElement().getProperty("header")).endsWith(" in PRODUCTION?");
        assertThat(_get(Button.class, spec -> spec.withId("confirm-delete")).isEnabled()).isTrue();
    }
}
