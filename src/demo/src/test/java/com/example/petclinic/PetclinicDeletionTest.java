package com.example.petclinic;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
import dev.portcullis.admin.ui.EntityListView;
import dev.portcullis.auth.AdminUserService;
import dev.portcullis.testsupport.KaribuTest;
import dev.portcullis.testsupport.Users;

import jakarta.persistence.EntityManager;

/**
 * Deleting in the petclinic-shaped application, one mapping shape at a time: row counts of every table before and
 * after must differ by exactly what the preview named, a blocked delete loses nothing, and the history records every
 * row that went.
 */
@SpringBootTest(classes = PetclinicApplication.class, properties = PetclinicDeletionTest.FLYWAY)
@ActiveProfiles("test")
class PetclinicDeletionTest extends KaribuTest {

    /** The framework's migrations, the petclinic's, and its one per-database column (the {@code @Lob}). */
    static final String FLYWAY = "spring.flyway.locations=classpath:db/migration,classpath:petclinic/migration,"
            + "classpath:petclinic/{vendor}";

    private static final List<String> TABLES = PetclinicRows.TABLES;

    /** Which table each preview group's rows live in. */
    private static final Map<String, String> TABLE_OF_GROUP = Map.ofEntries(Map.entry("Owners", "owners"),
            Map.entry("Pets", "pets"), Map.entry("Visits", "visits"), Map.entry("Shifts", "shifts"),
            Map.entry("Appointments", "appointments"), Map.entry("Rooms", "rooms"),
            Map.entry("links to specialties", "vet_specialties"), Map.entry("links from vets", "vet_specialties"),
            Map.entry("links to rooms", "clinic_rooms"), Map.entry("links from clinics", "clinic_rooms"),
            Map.entry("Vet languages", "vet_languages"), Map.entry("Room equipment", "room_equipment"));

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

    @Autowired
    AdminUserService users;

    /** One mapping shape: the rows to set up, the entity deleted, and the preview expected. */
    record Shape(String name, String slug, java.util.function.Function<PetclinicDeletionTest, Object> rows, List<String> cascades, List<String> blockers) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                new Shape("one-way @OneToMany @JoinColumn, cascade ALL, two levels", "owner",
                        t -> t.owner(2, 2).getId(), List.of("2 pets", "4 visits"), List.of()),
                new Shape("child of a one-way @OneToMany, with its own cascade", "pet",
                        t -> t.owner(1, 3).getPets().getFirst().getId(), List.of("3 visits"), List.of()),
                new Shape("one-way @OneToMany through a join table, cascade REMOVE, element collection below",
                        "clinic", t -> t.clinic(2).getId(), List.of("2 rooms", "2 links to rooms", "4 room equipment"),
                        List.of()),
                new Shape("child of a one-way join-table @OneToMany deleted directly", "room",
                        t -> t.clinic(1).getRooms().getFirst().getId(), List.of("2 room equipment", "1 link from clinics"),
                        List.of()),
                new Shape("@ManyToMany owning side, @ElementCollection, mappedBy with REMOVE two levels deep", "vet",
                        t -> t.vet(2, 2).getId(),
                        List.of("1 shift", "2 appointments", "2 links to specialties", "2 vet languages"), List.of()),
                new Shape("@ManyToMany inverse side (no attribute on it): links removed first", "specialty",
                        t -> t.specialtyOfVets(2).getId(), List.of("2 links from vets"), List.of()),
                new Shape("inverse @ManyToOne without cascade", "pet-type", t -> t.typeOfPets(2).getId(), List.of(),
                        List.of("2 pets")),
                new Shape("nullable foreign key without cascade", "clinic", t -> t.clinicWithShift().getId(), List.of(),
                        List.of("1 shift")),
                new Shape("a blocker two levels down: an owner's pet has an appointment", "owner",
                        t -> t.ownerWithAppointment().getId(), List.of("1 pet", "1 visit"), List.of("1 appointment")),
                new Shape("nothing else", "visit", t -> t.owner(1, 1).getPets().getFirst().getVisits().iterator().next()
                        .getId(), List.of(), List.of()))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void thePreviewNamesExactlyTheRowsThatGo(Shape shape) {
        Users.superuser();
        AdminModel<?> model = registry.bySlug(shape.slug()).orElseThrow();
        Object id = tx.execute(status -> shape.rows().apply(this));
        DeletionPreview preview = service.previewDelete(model, id);
        assertThat(preview.cascades()).extracting(DeletionPreview.Group::phrase)
                .containsExactlyInAnyOrderElementsOf(shape.cascades());
        assertThat(preview.blockers()).extracting(DeletionPreview.Group::phrase)
                .containsExactlyInAnyOrderElementsOf(shape.blockers());
        Map<String, Long> before = counts();
        if (preview.blocked()) {
            assertThatThrownBy(() -> service.delete(model, id)).isInstanceOf(SaveRejectedException.class)
                    .hasMessageContaining("cannot be deleted").hasMessageContaining(shape.blockers().getFirst());
            assertThat(counts()).isEqualTo(before);
            return;
        }
        service.delete(model, id);
        Map<String, Long> after = counts();
        Map<String, Long> lost = new LinkedHashMap<>();
        TABLES.forEach(table -> lost.put(table, before.get(table) - after.get(table)));
        Map<String, Long> promised = new LinkedHashMap<>();
        TABLES.forEach(table -> promised.put(table, 0L));
        promised.merge(tableOf(model), 1L, Long::sum);
        preview.cascades().forEach(g -> promised.merge(TABLE_OF_GROUP.get(g.label()), g.count(), Long::sum));
        assertThat(lost).isEqualTo(promised);
    }

    @Test
    void aBulkDeleteTakesEverythingItsPreviewNamesInOneTransaction() {
        Users.superuser();
        AdminModel<?> owners = registry.bySlug("owner").orElseThrow();
        List<Object> ids = tx.execute(status -> List.<Object>of(owner(1, 2).getId(), owner(2, 1).getId()));
        DeletionPreview preview = service.previewDelete(owners, ids);
        assertThat(preview.cascades()).extracting(DeletionPreview.Group::phrase).containsExactly("3 pets", "4 visits");
        Map<String, Long> before = counts();
        service.deleteBatch(owners, ids);
        assertThat(before.get("pets") - counts().get("pets")).isEqualTo(3);
        assertThat(before.get("visits") - counts().get("visits")).isEqualTo(4);

        Object blocked = tx.execute(status -> ownerWithAppointment().getId());
        Object free = tx.execute(status -> owner(1, 1).getId());
        Map<String, Long> beforeBlocked = counts();
        assertThatThrownBy(() -> service.deleteBatch(owners, List.of(free, blocked)))
                .isInstanceOf(SaveRejectedException.class).hasMessageContaining("1 appointment");
        assertThat(counts()).isEqualTo(beforeBlocked);
    }

    @Test
    void theHistoryRecordsEveryRowThatWent() {
        Users.superuser();
        Owner owner = tx.execute(status -> owner(2, 2));
        List<Integer> pets = owner.getPets().stream().map(Pet::getId).toList();
        List<Integer> visits = owner.getPets().stream().flatMap(p -> p.getVisits().stream()).map(Visit::getId).toList();
        service.delete(registry.bySlug("owner").orElseThrow(), owner.getId());
        assertThat(jdbc.queryForObject("select detail from portcullis_history where entity = 'owner' and object_id = ?"
                + " and action = 'DELETE'", String.class, String.valueOf(owner.getId()))).isEqualTo("with 2 pets, 4 visits");
        for (Integer pet : pets) {
            assertThat(jdbc.queryForList("select object_label from portcullis_history where entity = 'pet' and"
                    + " object_id = ? and action = 'DELETE'", String.class, String.valueOf(pet)))
                    .singleElement().asString().startsWith("Pet " + owner.getLastName());
        }
        for (Integer visit : visits) {
            assertThat(jdbc.queryForList("select detail from portcullis_history where entity = 'visit' and"
                    + " object_id = ? and action = 'DELETE'", String.class, String.valueOf(visit)))
                    .containsExactly("deleted with Owner 'Jean " + owner.getLastName() + "'");
        }
    }

    @Test
    void theOwnerDeleteDialogListsPetsAndVisitsByLabelWithCancelFocused() {
        if (users.findByUsername("clinic-admin").isEmpty()) {
            users.createUser("clinic-admin", "correct horse battery staple", true, true, false);
        }
        signInAs("clinic-admin");
        Owner owner = tx.execute(status -> owner(2, 2));
        UI.getCurrent().navigate(EntityFormView.class,
                new RouteParameters(Map.of("slug", "owner", "id", String.valueOf(owner.getId()))));
        _click(_get(Button.class, spec -> spec.withText("Delete")));
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        String text = com.github.mvysny.kaributesting.v10.PrettyPrintTreeKt.toPrettyTree(dialog);
        String last = owner.getLastName();
        assertThat(text).contains("2 pets: ").contains("Pet " + last + " 1").contains("Pet " + last + " 2")
                .contains("4 visits: Visit #").doesNotContain("Visit@").doesNotContain("Pet@");
        Button cancel = _get(Button.class, spec -> spec.withId("cancel-delete"));
        Button delete = _get(Button.class, spec -> spec.withId("confirm-delete"));
        assertThat(cancel.isAutofocus()).isTrue();
        assertThat(delete.isAutofocus()).isFalse();
        _click(delete);
        _get(EntityListView.class);
        assertThat(jdbc.queryForObject("select count(*) from pets where owner_id = ?", Long.class, owner.getId()))
                .isZero();
    }

    @Test
    void aLobIsStoredAndReadBack() {
        Integer id = tx.execute(status -> {
            Clinic clinic = newClinic();
            clinic.setDirections("x".repeat(10_000));
            em.persist(clinic);
            return clinic.getId();
        });
        String read = tx.execute(status -> em.find(Clinic.class, id).getDirections());
        assertThat(read).hasSize(10_000);
    }

    // --- rows for the shapes, each with names of its own ---

    private Owner owner(int pets, int visitsEach) {
        return PetclinicRows.owner(em, "Coleman" + SEQUENCE.incrementAndGet(), pets, visitsEach);
    }

    private Clinic newClinic() {
        Clinic clinic = new Clinic();
        clinic.setName("Clinic " + SEQUENCE.incrementAndGet());
        clinic.setOpensAt(LocalTime.of(8, 0));
        clinic.setClosesAt(LocalTime.of(18, 30));
        return clinic;
    }

    private Clinic clinic(int rooms) {
        Clinic clinic = newClinic();
        for (int r = 1; r <= rooms; r++) {
            Room room = new Room();
            room.setName("Room " + r);
            room.getEquipment().addAll(List.of("table", "lamp"));
            em.persist(room);
            clinic.getRooms().add(room);
        }
        em.persist(clinic);
        return clinic;
    }

    private Specialty specialty() {
        Specialty specialty = new Specialty();
        specialty.setName("Specialty " + SEQUENCE.incrementAndGet());
        em.persist(specialty);
        return specialty;
    }

    private Vet vet(int specialties, int appointments) {
        Vet vet = new Vet();
        vet.setFirstName("Linda");
        vet.setLastName("Douglas" + SEQUENCE.incrementAndGet());
        for (int s = 0; s < specialties; s++) {
            vet.addSpecialty(specialty());
        }
        vet.getLanguages().addAll(List.of("English", "Spanish"));
        em.persist(vet);
        Shift shift = new Shift();
        shift.setVet(vet);
        shift.setDay(DayOfWeek.MONDAY);
        em.persist(shift);
        vet.getShifts().add(shift);
        for (int a = 0; a < appointments; a++) {
            Appointment appointment = new Appointment();
            appointment.setShift(shift);
            appointment.setStartsAt(LocalTime.of(9 + a, 0));
            em.persist(appointment);
            shift.getAppointments().add(appointment);
        }
        return vet;
    }

    private Specialty specialtyOfVets(int vets) {
        Specialty shared = specialty();
        for (int v = 0; v < vets; v++) {
            vet(0, 0).addSpecialty(shared);
        }
        return shared;
    }

    private PetType typeOfPets(int pets) {
        PetType type = new PetType();
        type.setName("Type " + SEQUENCE.incrementAndGet());
        em.persist(type);
        Owner owner = owner(pets, 0);
        owner.getPets().forEach(pet -> pet.setType(type));
        return type;
    }

    private Clinic clinicWithShift() {
        Clinic clinic = clinic(0);
        Vet vet = vet(0, 0);
        vet.getShifts().getFirst().setClinic(clinic);
        return clinic;
    }

    private Owner ownerWithAppointment() {
        Owner owner = owner(1, 1);
        Vet vet = vet(0, 1);
        vet.getShifts().getFirst().getAppointments().iterator().next().setPet(owner.getPets().getFirst());
        return owner;
    }

    private String tableOf(AdminModel<?> model) {
        return jakarta.persistence.Table.class.cast(model.entityClass().getAnnotation(jakarta.persistence.Table.class))
                .name();
    }

    private Map<String, Long> counts() {
        return PetclinicRows.counts(jdbc, TABLES);
    }
}
