package com.example.library;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.data.ListQuery;
import dev.portcullis.admin.data.NotFoundException;
import dev.portcullis.admin.model.AdminField;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.admin.model.FieldKind;
import dev.portcullis.admin.ui.EntityFormView;
import dev.portcullis.admin.ui.EntityListView;
import dev.portcullis.admin.ui.NotFoundView;
import dev.portcullis.auth.AdminUserService;
import dev.portcullis.checks.CheckMessage;
import dev.portcullis.testsupport.KaribuTest;
import dev.portcullis.testsupport.Users;

import jakarta.persistence.EntityManager;

/**
 * Portcullis administering an application that is not ours, through the public API only: a composite key,
 * an inheritance hierarchy, an element collection, a self-reference, an embedded value, a many-to-many relation,
 * money and enums, and row scoping.
 */
@SpringBootTest(classes = LibraryApplication.class, properties = {
        // What any host's tests set: plain HTTP, sign-in by password alone. Nothing else: the application's own
        // application.yml is empty, its migrations are its own classpath:db/migration.
        "portcullis.https.enabled=false", "portcullis.two-factor.required-for="})
class LibraryAdminTest extends KaribuTest {

    @Autowired
    AdminRegistry registry;

    @Autowired
    AdminEntityService service;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    AdminUserService users;

    @BeforeEach
    void data() {
        if (users.findByUsername("librarian").isEmpty()) {
            users.createUser("librarian", "correct horse battery staple", true, true, false);
            tx.executeWithoutResult(status -> {
                Category fiction = new Category("Fiction", null);
                em.persist(fiction);
                em.persist(new Category("Crime", fiction));
                em.persist(new Shelf(new ShelfId("A", 1), "Atrium one"));
                em.persist(new Shelf(new ShelfId("A", 2), "Atrium two"));
                LibraryBook book = new LibraryBook();
                book.setTitle("The Lantern Keeper");
                book.setAuthor("Ines Varga");
                book.setCategory(fiction);
                book.setReplacementCost(new BigDecimal("24.90"));
                book.getTags().addAll(Set.of("classic", "harbour"));
                em.persist(book);
                Magazine magazine = new Magazine();
                magazine.setTitle("Harbour Monthly");
                magazine.setIssue(7);
                em.persist(magazine);
                Member member = new Member();
                member.setName("Olga Petrov");
                member.setJoinedOn(LocalDate.of(2020, 5, 1));
                member.getAddress().setCity("Bergen");
                em.persist(member);
                em.persist(new Fine(member, new BigDecimal("2.50"), FineStatus.OPEN, Instant.parse("2025-01-02T10:00:00Z")));
                em.persist(new Fine(member, new BigDecimal("9.00"), FineStatus.WAIVED, Instant.parse("2025-02-03T10:00:00Z")));
            });
        }
        signInAs("librarian");
    }

    @Test
    void everyShapeIsRegisteredAndTheCompositeKeyIsReportedAsReadOnly() {
        assertThat(registry.models()).extracting(AdminModel::slug)
                .contains("shelf", "category", "library-book", "magazine", "member", "fine", "user", "role");
        assertThat(registry.bySlug("shelf").orElseThrow().editable()).isFalse();
        assertThat(registry.messages()).extracting(CheckMessage::id).contains("admin.W301");

        AdminModel<?> member = registry.bySlug("member").orElseThrow();
        assertThat(member.formFields()).extracting(AdminField::path)
                .containsExactly("name", "cardNumber", "joinedOn", "address.street", "address.city",
                        "favouriteCategories");
        assertThat(member.field("cardNumber").orElseThrow().readOnly()).isTrue();
        assertThat(member.field("favouriteCategories").orElseThrow().kind()).isEqualTo(FieldKind.MANY_TO_MANY);
        assertThat(registry.bySlug("library-book").orElseThrow().field("tags").orElseThrow().kind())
                .isEqualTo(FieldKind.ELEMENT_COLLECTION);
        assertThat(registry.bySlug("category").orElseThrow().field("parent").orElseThrow().target())
                .isEqualTo(Category.class);
    }

    @Test
    void subclassesOfAHierarchyListOnlyTheirOwnRows() {
        Users.superuser();
        AdminModel<?> books = registry.bySlug("library-book").orElseThrow();
        assertThat(service.list(books, ListQuery.firstPage()).rows()).extracting(Object::toString)
                .containsExactly("The Lantern Keeper");
        assertThat(service.count(books, new ListQuery("fiction", Map.of(), null, 1)).value()).isEqualTo(1);
    }

    @Test
    void compositeKeysAreListedButNotOpened() {
        UI.getCurrent().navigate(EntityListView.class, new RouteParameters("slug", "shelf"));
        assertThat(_size(_get(com.vaadin.flow.component.grid.Grid.class))).isEqualTo(2);
        UI.getCurrent().navigate(EntityFormView.class, new RouteParameters(Map.of("slug", "shelf", "id", "A-1")));
        _get(NotFoundView.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void embeddedValuesManyToManyAndSelfReferencesAreEditable() {
        Long memberId = jdbc.queryForObject("select id from member where name = 'Olga Petrov'", Long.class);
        UI.getCurrent().navigate(EntityFormView.class,
                new RouteParameters(Map.of("slug", "member", "id", String.valueOf(memberId))));
        EntityFormView form = _get(EntityFormView.class);
        TextField city = (TextField) field(form, "address-city");
        assertThat(city.getValue()).isEqualTo("Bergen");
        TextField card = (TextField) field(form, "cardNumber");
        assertThat(card.isReadOnly()).isTrue();
        city.setValue("Oslo");
        ((TextField) field(form, "address-street")).setValue("Kirkegata 1");
        MultiSelectComboBox<Object> favourites = (MultiSelectComboBox<Object>) field(form, "favouriteCategories");
        Users.superuser();
        Object crime = service.lookup(Category.class, "Crime", 0, 1).getFirst();
        signInAs("librarian");
        favourites.setValue(Set.of(crime));
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withText("Save")));
        _get(EntityListView.class);
        assertThat(jdbc.queryForMap("select street, city from member where id = ?", memberId))
                .containsEntry("STREET", "Kirkegata 1").containsEntry("CITY", "Oslo");
        assertThat(jdbc.queryForObject("select count(*) from member_category where member_id = ?", Long.class, memberId))
                .isEqualTo(1);

        Long crimeId = jdbc.queryForObject("select id from category where name = 'Crime'", Long.class);
        UI.getCurrent().navigate(EntityFormView.class,
                new RouteParameters(Map.of("slug", "category", "id", String.valueOf(crimeId))));
        ComboBox<Object> parent = (ComboBox<Object>) field(_get(EntityFormView.class), "parent");
        assertThat(parent.getValue()).hasToString("Fiction");
    }

    @Test
    void rowScopingHidesRowsFromListsAndFromDirectAccess() {
        Long waived = jdbc.queryForObject("select id from fine where status = 'WAIVED'", Long.class);
        AdminModel<Fine> fines = registry.byClass(Fine.class).orElseThrow();
        Users.signInWith("clerk", "fine:view");
        assertThat(service.list(fines, ListQuery.firstPage()).rows()).extracting(Fine::getStatus)
                .containsExactly(FineStatus.OPEN);
        assertThatThrownBy(() -> service.get(fines, waived)).isInstanceOf(NotFoundException.class);
        Users.superuser();
        assertThat(service.list(fines, ListQuery.firstPage()).rows()).hasSize(2);
        assertThat(service.get(fines, waived).getStatus()).isEqualTo(FineStatus.WAIVED);
    }

    private static Component field(EntityFormView view, String id) {
        return _get(view, Component.class, spec -> spec.withId("field-" + id));
    }
}
