package dev.portcullis.honeypot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

import dev.portcullis.admin.AdminOperation;
import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.data.ListQuery;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.Users;
import dev.portcullis.honeypot.internal.HoneypotBlock;
import dev.portcullis.honeypot.internal.HoneypotService;
import dev.portcullis.honeypot.internal.IntrusionAttempt;
import dev.portcullis.honeypot.internal.IntrusionSummary;

/**
 * The honeypot's records through the generic admin, checked on the server: superusers read attempts and the per-address
 * summary and lift blocks, and nobody — superusers included — adds, changes or deletes any of it.
 */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class HoneypotAdminTest {

    @Autowired
    AdminEntityService admin;

    @Autowired
    AdminRegistry registry;

    @Autowired
    HoneypotService honeypot;

    @AfterEach
    void signOut() {
        Users.signOut();
    }

    @Test
    void attemptsAndTheSummaryAreReadOnlyEvenForSuperusers() {
        for (int i = 0; i < 3; i++) {
            honeypot.record("203.0.113.200", "curl/8", "root", "/admin/", "POST");
        }
        honeypot.record("203.0.113.201", "curl/8", "admin", "/admin/login/", "POST");
        Users.superuser();
        AdminModel<IntrusionAttempt> attempts = registry.byClass(IntrusionAttempt.class).orElseThrow();
        AdminModel<IntrusionSummary> summary = registry.byClass(IntrusionSummary.class).orElseThrow();
        assertThat(admin.list(attempts, ListQuery.firstPage()).rows()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(admin.list(summary, ListQuery.firstPage()).rows())
                .filteredOn(row -> row.getClientAddress().equals("203.0.113.200")).singleElement()
                .satisfies(row -> {
                    assertThat(row.getAttempts()).isEqualTo(3);
                    assertThat(row.getBlockedUntil()).isNotNull();
                });
        for (AdminOperation operation : List.of(AdminOperation.ADD, AdminOperation.CHANGE, AdminOperation.DELETE)) {
            assertThat(admin.can(attempts, operation)).as(operation.name()).isFalse();
            assertThat(admin.can(summary, operation)).as(operation.name()).isFalse();
        }
        IntrusionAttempt first = admin.list(attempts, ListQuery.firstPage()).rows().get(0);
        assertThatThrownBy(() -> admin.delete(attempts, first.getId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.save(attempts, first)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void blocksAreLiftedByTheActionNeverEditedOrDeleted() {
        for (int i = 0; i < 3; i++) {
            honeypot.record("203.0.113.210", "curl/8", "root", "/admin/", "POST");
        }
        assertThat(honeypot.isBlocked("203.0.113.210")).isTrue();
        Users.superuser();
        AdminModel<HoneypotBlock> blocks = registry.byClass(HoneypotBlock.class).orElseThrow();
        HoneypotBlock block = admin.list(blocks, ListQuery.firstPage()).rows().stream()
                .filter(b -> b.getClientAddress().equals("203.0.113.210")).findFirst().orElseThrow();
        assertThatThrownBy(() -> admin.delete(blocks, block.getId())).isInstanceOf(AccessDeniedException.class);
        var lift = blocks.admin().actions().get(0);
        assertThat(admin.runAction(blocks, lift, List.of(block.getId()))).isEqualTo("Lifted 1 block.");
        assertThat(honeypot.isBlocked("203.0.113.210")).isFalse();

        // Staff without honeypot-block:change cannot run it.
        Users.signInWith("viewer", "honeypot-block:view");
        assertThatThrownBy(() -> admin.runAction(blocks, lift, List.of(block.getId())))
                .isInstanceOf(AccessDeniedException.class);
    }
}
