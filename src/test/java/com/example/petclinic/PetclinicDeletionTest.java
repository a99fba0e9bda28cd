package com.example.petclinic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.testsupport.KaribuTest;

/** Deleting in the petclinic-shaped application: the preview names exactly what goes, and the history records it. */
@SpringBootTest(classes = PetclinicApplication.class,
        properties = PetclinicDeletionTest.FLYWAY)
@ActiveProfiles("test")
class PetclinicDeletionTest extends KaribuTest {

    /** The framework's migrations, the petclinic's, and its one per-database column (the {@code @Lob}). */
    static final String FLYWAY = "spring.flyway.locations=classpath:db/migration,classpath:petclinic/migration,"
            + "classpath:petclinic/{vendor}";

    @Autowired
    AdminRegistry registry;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    @Autowired
    jakarta.persistence.EntityManager em;

    @Test
    void aLobIsStoredAndReadBack() {
        Integer id = tx.execute(status -> {
            Clinic clinic = new Clinic();
            clinic.setName("Lob");
            clinic.setOpensAt(java.time.LocalTime.of(8, 0));
            clinic.setClosesAt(java.time.LocalTime.of(18, 0));
            clinic.setDirections("x".repeat(10_000));
            em.persist(clinic);
            return clinic.getId();
        });
        String read = tx.execute(status -> em.find(Clinic.class, id).getDirections());
        assertThat(read).hasSize(10_000);
    }

    @Test
    void everyPetclinicEntityIsAdministered() {
        assertThat(registry.models()).extracting(AdminModel::slug).contains("owner", "pet", "visit", "pet-type", "vet",
                "specialty", "shift", "appointment", "clinic", "room");
    }
}
