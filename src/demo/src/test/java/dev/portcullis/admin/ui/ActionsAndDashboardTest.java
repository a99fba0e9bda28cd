package dev.portcullis.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.admin.AdminAction;
import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.demo.shop.CustomerOrder;
import dev.portcullis.testsupport.BookshopKaribuTest;
import dev.portcullis.testsupport.Users;

@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class ActionsAndDashboardTest extends BookshopKaribuTest {

    @Autowired
    AdminRegistry registry;

    @Autowired
    AdminEntityService service;

    @BeforeEach
    void data() {
        bookshopWithSuperuser(600, "ops-admin");
    }

    @AfterEach
    void signOutEverywhere() {
        Users.signOut();
    }

    @Test
    void customActionsNeedTheirPermissionOnTheServer() {
        AdminModel<CustomerOrder> orders = registry.byClass(CustomerOrder.class).orElseThrow();
        AdminAction<CustomerOrder> ship = orders.actions().getFirst();
        List<Object> paid = jdbc.queryForList("select id from shop_order where status = 'PAID'", Object.class);
        assertThat(paid).isNotEmpty();

        Users.signInWith("viewer", "order:view");
        assertThatThrownBy(() -> service.runAction(orders, ship, paid)).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from shop_order where status = 'PAID'", Long.class))
                .isEqualTo(paid.size());

        Users.signInWith("shipper", "order:change");
        String message = service.runAction(orders, ship, paid);
        assertThat(message).startsWith(paid.size() + " of " + paid.size() + " selected orders marked as shipped");
        assertThat(jdbc.queryForObject("select count(*) from shop_order where status = 'PAID'", Long.class)).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void actionButtonsWorkOnSelectedRows() {
        signInAs("ops-admin");
        UI.getCurrent().navigate(EntityListView.class, new RouteParameters("slug", "order"));
        EntityListView view = _get(EntityListView.class);
        assertThat(view.actionButtons).singleElement().satisfies(b -> assertThat(b.getText()).isEqualTo("Mark as shipped"));
        assertThat(view.actionButtons.getFirst().isEnabled()).isFalse();
        Object first = com.github.mvysny.kaributesting.v10.GridKt._get(view.grid, 0);
        view.grid.select(first);
        assertThat(view.actionButtons.getFirst().isEnabled()).isTrue();
        _click(view.actionButtons.getFirst());
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("confirm-action")));
        assertThat(view.grid.getSelectedItems()).isEmpty();
    }

    @Test
    void dashboardShowsEachSectionWithItsCount() {
        signInAs("ops-admin");
        UI.getCurrent().navigate(DashboardView.class);
        Anchor books = _get(Anchor.class, spec -> spec.withId("section-book"));
        long total = jdbc.queryForObject("select count(*) from book", Long.class);
        assertThat(_get(books, Span.class).getText()).isEqualTo(String.format("%,d books", total));
    }

    @Test
    @SuppressWarnings("unchecked")
    void rolesOfferEveryKnownPermission() {
        signInAs("ops-admin");
        UI.getCurrent().navigate(EntityFormView.class, new RouteParameters(Map.of("slug", "role", "id", "add")));
        EntityFormView form = _get(EntityFormView.class);
        MultiSelectComboBox<String> permissions = (MultiSelectComboBox<String>) _get(form,
                com.vaadin.flow.component.Component.class, spec -> spec.withId("field-permissions"));
        List<String> offered = permissions.getListDataView().getItems().toList();
        assertThat(offered).contains("book:view", "book:add", "book:change", "book:delete", "role:change");
        ((com.vaadin.flow.component.textfield.TextField) _get(form, com.vaadin.flow.component.Component.class,
                spec -> spec.withId("field-name"))).setValue("Librarians");
        permissions.setValue(java.util.Set.of("book:view", "book:change"));
        _click(form.save);
        assertThat(jdbc.queryForList("select p.permission from portcullis_role_permission p join portcullis_role r"
                + " on r.id = p.role_id where r.name = 'Librarians' order by 1", String.class))
                .containsExactly("book:change", "book:view");
    }
}
