package com.example.petclinic;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.data.DeletionPreview;
import dev.portcullis.admin.data.SaveRejectedException;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.admin.ui.EntityFormView;
import dev.portcullis.testsupport.KaribuTest;
import dev.portcullis.testsupport.Users;

import jakarta.persistence.EntityManager;

/**
 * A delete whose cascade reaches rows of another administered entity needs the delete permission on that entity too
 * (Django's rule): deleting an owner deletes their pets and visits, so {@code owner:delete} alone is not enough.
 */
@SpringBootTest(classes = PetclinicApplication.class, properties = PetclinicDeletionTest.FLYWAY)
@ActiveProfiles("test")
class PetclinicCascadePermissionTest extends KaribuTest {

    private static final List<String> TABLES = List.of("owners", "pets", "visits", "portcullis_history");

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    AdminRegistry registry;

    @Autowired
    AdminEntityService service;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    EntityManager em;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void withoutPetDeleteThePreviewIsBlockedNamingPetsAndTheDeleteWritesNothing() {
        AdminModel<?> owners = registry.bySlug("owner").orElseThrow();
        Object id = tx.execute(status -> owner(2, 1).getId());
        Users.signInWith("clerk", "owner:view", "owner:delete");

        DeletionPreview preview = service.previewDelete(owners, id);
        assertThat(preview.blocked()).isTrue();
        assertThat(preview.blockers()).isEmpty();
        assertThat(preview.refusals()).contains("You may not delete pets: 2 pets would be deleted with it.",
                "You may not delete visits: 2 visits would be deleted with it.");

        Map<String, Long> before = counts();
        assertThatThrownBy(() -> service.delete(owners, id)).isInstanceOf(SaveRejectedException.class)
                .hasMessageContaining("You may not delete pets: 2 pets would be deleted with it.");
        assertThatThrownBy(() -> service.deleteBatch(owners, List.of(id))).isInstanceOf(SaveRejectedException.class)
                .hasMessageContaining("You may not delete pets");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void petDeleteWithoutVisitDeleteIsStillRefusedForTheVisits() {
        AdminModel<?> owners = registry.bySlug("owner").orElseThrow();
        Object id = tx.execute(status -> owner(1, 3).getId());
        Users.signInWith("clerk", "owner:view", "owner:delete", "pet:delete");

        DeletionPreview preview = service.previewDelete(owners, List.of(id));
        assertThat(preview.refusals()).containsExactly("You may not delete visits: 3 visits would be deleted with it.");
        Map<String, Long> before = counts();
        assertThatThrownBy(() -> service.deleteBatch(owners, List.of(id))).isInstanceOf(SaveRejectedException.class)
                .hasMessageContaining("You may not delete visits");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void withDeleteOnEverythingTheCascadeReachesTheDeleteGoesAheadAsPreviewed() {
        AdminModel<?> owners = registry.bySlug("owner").orElseThrow();
        Object id = tx.execute(status -> owner(2, 2).getId());
        Users.signInWith("clerk", "owner:view", "owner:delete", "pet:delete", "visit:delete");
        assertDeletedAsPreviewed(owners, id);
    }

    @Test
    void aSuperuserNeedsNoFurtherPermission() {
        AdminModel<?> owners = registry.bySlug("owner").orElseThrow();
        Object id = tx.execute(status -> owner(1, 2).getId());
        Users.superuser();
        assertDeletedAsPreviewed(owners, id);
    }

    @Test
    void aDeleteThatCascadesToNothingAdministeredNeedsNothingElse() {
        AdminModel<?> owners = registry.bySlug("owner").orElseThrow();
        Object id = tx.execute(status -> owner(0, 0).getId());
        Users.signInWith("clerk", "owner:view", "owner:delete");
        assertDeletedAsPreviewed(owners, id);
    }

    @Test
    void theDeleteDialogSaysWhyAndOffersNoDelete() {
        Owner owner = tx.execute(status -> owner(2, 1));
        Users.signInWith("clerk", "owner:view", "owner:delete");
        UI.getCurrent().navigate(EntityFormView.class,
                new RouteParameters(Map.of("slug", "owner", "id", String.valueOf(owner.getId()))));
        _click(_get(Button.class, spec -> spec.withText("Delete")));
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        String text = com.github.mvysny.kaributesting.v10.PrettyPrintTreeKt.toPrettyTree(dialog);
        assertThat(text).contains("You may not delete pets: 2 pets would be deleted with it.")
                .doesNotContain("refer to it");
        _assertNone(Button.class, spec -> spec.withId("confirm-delete"));
    }

    private void assertDeletedAsPreviewed(AdminModel<?> owners, Object id) {
        DeletionPreview preview = service.previewDelete(owners, id);
        assertThat(preview.blocked()).isFalse();
        assertThat(preview.refusals()).isEmpty();
        Map<String, Long> before = counts();
        service.delete(owners, id);
        Map<String, Long> after = counts();
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("owners", 1L);
        expected.put("pets", 0L);
        expected.put("visits", 0L);
        preview.cascades().forEach(group -> expected.put(group.label().toLowerCase(java.util.Locale.ROOT),
                group.count()));
        for (String table : List.of("owners", "pets", "visits")) {
            assertThat(before.get(table) - after.get(table)).as(table).isEqualTo(expected.get(table));
        }
        assertThat(after.get("portcullis_history")).isGreaterThan(before.get("portcullis_history"));
    }

    private Owner owner(int pets, int visitsEach) {
        return PetclinicRows.owner(em, "Cascade" + SEQUENCE.incrementAndGet(), pets, visitsEach);
    }

    private Map<String, Long> counts() {
        return PetclinicRows.counts(jdbc, TABLES);
    }
}
