package com.example.petclinic;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.model.AdminField;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.admin.ui.EntityFormView;
import dev.portcullis.admin.ui.EntityListView;
import dev.portcullis.auth.AdminUserService;
import dev.portcullis.testsupport.KaribuTest;
import dev.portcullis.testsupport.Users;

import jakarta.persistence.EntityManager;

/**
 * The petclinic-shaped application driven through the admin's own forms, as an admin would click them: an owner
 * with two pets and a visit, a vet's specialties (a getter-only set), an owner deleted through the form's dialog
 * (its lists checked against the rows gone, table by table), a clinic with opening hours, and a failed save
 * corrected and saved again. Rows are named by label everywhere, never {@code com.example...Owner@1a2b}.
 */
@SpringBootTest(classes = PetclinicApplication.class, properties = PetclinicDeletionTest.FLYWAY)
@ActiveProfiles("test")
class PetclinicAdminTest extends KaribuTest {

    /** Every petclinic table, children first (the order the rows are cleared in). */
    static final List<String> TABLES = List.of("appointments", "shifts", "visits", "pets", "owners", "types",
            "vet_specialties", "vet_languages", "vets", "specialties", "clinic_rooms", "room_equipment", "rooms",
            "clinics");

    /** "2 pets: Leo, Max" → pets: the table a group of the delete dialog is taken from. */
    private static final Map<String, String> TABLE_OF_NOUN = Map.of("pet", "pets", "pets", "pets", "visit", "visits",
            "visits", "visits");

    private static final Pattern GROUP = Pattern.compile("^(\\d+) ([a-z ]+?)(?::.*)?$");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManager em;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    AdminUserService users;

    @Autowired
    AdminEntityService service;

    @Autowired
    AdminRegistry registry;

    @BeforeEach
    void data() {
        if (users.findByUsername("clinic-admin").isEmpty()) {
            users.createUser("clinic-admin", "correct horse battery staple", true, true, false);
        }
        TABLES.forEach(table -> jdbc.update("delete from " + table));
        tx.executeWithoutResult(status -> {
            for (String name : List.of("cat", "dog")) {
                PetType type = new PetType();
                type.setName(name);
                em.persist(type);
            }
            for (String name : List.of("radiology", "surgery", "dentistry")) {
                Specialty specialty = new Specialty();
                specialty.setName(name);
                em.persist(specialty);
            }
            Vet vet = new Vet();
            vet.setFirstName("Linda");
            vet.setLastName("Douglas");
            em.persist(vet);
        });
        signInAs("clinic-admin");
        NotificationsKt.clearNotifications();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOwnerWithTwoPetsAndAVisitIsCreatedThroughTheForms() {
        open("owner", EntityFormView.NEW);
        text("firstName").setValue("George");
        text("lastName").setValue("Franklin");
        text("address-city").setValue("Madison");
        text("telephone").setValue("6085551023");
        _click(_get(Button.class, spec -> spec.withId("inline-pets-add")));
        _click(_get(Button.class, spec -> spec.withId("inline-pets-add")));
        inline("pets", 0, "name", TextField.class).setValue("Leo");
        inline("pets", 0, "birthDate", DatePicker.class).setValue(LocalDate.of(2020, 9, 7));
        inline("pets", 0, "type", ComboBox.class).setValue(service.lookup(PetType.class, "cat", 0, 1).getFirst());
        inline("pets", 1, "name", TextField.class).setValue("Basil");
        save();
        _get(EntityListView.class);
        assertThat(lastNotification()).isEqualTo("Saved owner 'George Franklin'.");
        Integer owner = jdbc.queryForObject("select id from owners where last_name = 'Franklin'", Integer.class);
        assertThat(jdbc.queryForList("select name from pets where owner_id = ? order by name", String.class, owner))
                .containsExactly("Basil", "Leo");
        assertThat(jdbc.queryForObject("select t.name from pets p join types t on t.id = p.type_id"
                + " where p.name = 'Leo'", String.class)).isEqualTo("cat");

        // The visit, from Leo's own form: the owner's form links to each pet's page through "Add pet"'s neighbour,
        // the pets list, as an admin would find it.
        Integer leo = jdbc.queryForObject("select id from pets where name = 'Leo'", Integer.class);
        open("pet", String.valueOf(leo));
        assertThat(_get(EntityFormView.class).getPageTitle()).contains("Change pet");
        _click(_get(Button.class, spec -> spec.withId("inline-visits-add")));
        inline("visits", 0, "date", DatePicker.class).setValue(LocalDate.of(2024, 3, 4));
        inline("visits", 0, "description", TextField.class).setValue("rabies shot");
        save();
        _get(EntityListView.class);
        assertThat(lastNotification()).isEqualTo("Saved pet 'Leo'.");
        assertThat(jdbc.queryForList("select description from visits where pet_id = ?", String.class, leo))
                .containsExactly("rabies shot");

        // A third pet through the owner's "Add pet" link: linked to the owner, not an orphan.
        open("owner", String.valueOf(owner));
        Anchor addPet = _get(Anchor.class, spec -> spec.withId("add-child-pets"));
        assertThat(addPet.getText()).isEqualTo("Add pet");
        String href = addPet.getHref();
        UI.getCurrent().navigate(EntityFormView.class, new RouteParameters(Map.of("slug", "pet", "id", "add")),
                QueryParameters.fromString(href.substring(href.indexOf('?') + 1)));
        text("name").setValue("Rosy");
        save();
        _get(EntityFormView.class);
        assertThat(jdbc.queryForObject("select owner_id from pets where name = 'Rosy'", Integer.class))
                .isEqualTo(owner);
        assertThat(lastNotification()).isEqualTo("Saved pet 'Rosy'.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aVetsSpecialtiesAreEditedThroughAGetterOnlySet() {
        Integer vet = jdbc.queryForObject("select id from vets where last_name = 'Douglas'", Integer.class);
        open("vet", String.valueOf(vet));
        assertThat(_get(EntityFormView.class).getPageTitle()).contains("Change vet");
        MultiSelectComboBox<Object> specialties = (MultiSelectComboBox<Object>) field("specialties");
        assertThat(specialties.getValue()).isEmpty();
        Users.superuser();
        List<Object> all = List.copyOf(service.lookup(Specialty.class, "", 0, 10));
        signInAs("clinic-admin");
        assertThat(all).extracting(specialties.getItemLabelGenerator()::apply)
                .containsExactlyInAnyOrder("radiology", "surgery", "dentistry");
        specialties.setValue(Set.of(byLabel(all, specialties, "radiology"), byLabel(all, specialties, "surgery")));
        save();
        _get(EntityListView.class);
        assertThat(lastNotification()).isEqualTo("Saved vet 'Linda Douglas'.");
        assertThat(specialtiesOf(vet)).containsExactly("radiology", "surgery");

        open("vet", String.valueOf(vet));
        specialties = (MultiSelectComboBox<Object>) field("specialties");
        assertThat(specialties.getValue()).extracting(specialties.getItemLabelGenerator()::apply)
                .containsExactlyInAnyOrder("radiology", "surgery");
        specialties.setValue(Set.of(byLabel(all, specialties, "dentistry")));
        save();
        _get(EntityListView.class);
        assertThat(specialtiesOf(vet)).containsExactly("dentistry");
    }

    @Test
    void deletingAnOwnerThroughItsFormTakesExactlyWhatTheDialogListed() {
        Integer owner = tx.execute(status -> {
            Owner jean = new Owner();
            jean.setFirstName("Jean");
            jean.setLastName("Coleman");
            for (String name : List.of("Samantha", "Max")) {
                Pet pet = new Pet();
                pet.setName(name);
                for (int v = 1; v <= (name.equals("Max") ? 3 : 1); v++) {
                    Visit visit = new Visit();
                    visit.setDate(LocalDate.of(2024, 1, v));
                    visit.setDescription("check-up " + v);
                    pet.addVisit(visit);
                }
                jean.addPet(pet);
            }
            em.persist(jean);
            return jean.getId();
        });
        open("owner", String.valueOf(owner));
        _click(_get(Button.class, spec -> spec.withId("delete")));
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        assertThat(dialog.getElement().getProperty("header")).isEqualTo("Delete owner 'Jean Coleman'?");
        List<String> items = _find(dialog, ListItem.class).stream().map(ListItem::getText).toList();
        List<Integer> visits = jdbc.queryForList("select v.id from visits v join pets p on p.id = v.pet_id"
                + " where p.owner_id = ? order by v.id", Integer.class, owner);
        assertThat(items).hasSize(2);
        assertThat(items.get(0)).startsWith("2 pets: ").contains("Samantha").contains("Max");
        assertThat(items.get(1)).startsWith("4 visits: ");
        visits.forEach(id -> assertThat(items.get(1)).contains("Visit #" + id));
        assertThat(String.join(" ", items)).doesNotContain("@").doesNotContain("com.example");

        Map<String, Long> before = counts();
        _click(_get(Button.class, spec -> spec.withId("confirm-delete")));
        _get(EntityListView.class);
        assertThat(lastNotification()).isEqualTo("Deleted owner 'Jean Coleman'.");
        Map<String, Long> after = counts();
        Map<String, Long> gone = new LinkedHashMap<>();
        TABLES.forEach(table -> gone.put(table, before.get(table) - after.get(table)));
        assertThat(gone).isEqualTo(promised("owners", items));
    }

    @Test
    void aClinicIsAddedWithItsOpeningHours() {
        open("clinic", EntityFormView.NEW);
        assertThat(field("opensAt")).isInstanceOf(TimePicker.class);
        assertThat(((TimePicker) field("opensAt")).isReadOnly()).isFalse();
        text("name").setValue("Riverside");
        ((TimePicker) field("opensAt")).setValue(LocalTime.of(8, 0));
        ((TimePicker) field("closesAt")).setValue(LocalTime.of(18, 30));
        @SuppressWarnings("unchecked")
        Select<Object> kind = (Select<Object>) field("kind");
        kind.setValue(ClinicKind.values()[ClinicKind.values().length - 1]);
        String directions = "Second door on the left, past the pharmacy. ".repeat(20);
        ((TextArea) field("directions")).setValue(directions);
        save();
        _get(EntityListView.class);
        assertThat(lastNotification()).isEqualTo("Saved clinic 'Riverside'.");
        Map<String, Object> row = jdbc.queryForMap("select id, opens_at, closes_at, kind from clinics"
                + " where name = 'Riverside'");
        assertThat(row.get("opens_at").toString()).startsWith("08:00");
        assertThat(row.get("closes_at").toString()).startsWith("18:30");
        assertThat(row.get("kind")).isEqualTo(ClinicKind.values()[ClinicKind.values().length - 1].name());
        // Read back through the form: on PostgreSQL Hibernate keeps a @Lob String as a large object, so the text
        // column holds its oid, not the text.
        open("clinic", String.valueOf(row.get("id")));
        assertThat(((TextArea) field("directions")).getValue()).isEqualTo(directions);
        assertThat(((TimePicker) field("closesAt")).getValue()).isEqualTo(LocalTime.of(18, 30));
    }

    @Test
    void aFailedSaveIsShownAtTheFieldAndTheCorrectedSaveWorks() {
        // Empty required values: at their fields, before anything reaches the database.
        open("clinic", EntityFormView.NEW);
        ((TimePicker) field("opensAt")).setValue(LocalTime.of(9, 0));
        save();
        assertThat(errorAt("name")).isEqualTo("Required");
        assertThat(errorAt("closesAt")).isEqualTo("Required");
        assertThat(problem()).isEqualTo("Please correct the errors below.");
        text("name").setValue("Hillside");
        ((TimePicker) field("closesAt")).setValue(LocalTime.of(17, 0));
        save();
        _get(EntityListView.class);
        assertThat(jdbc.queryForObject("select count(*) from clinics where name = 'Hillside'", Long.class))
                .isEqualTo(1);

        // A value the database refuses (last_name is varchar(30); the entity does not say so): the new owner and
        // its new pets were persisted and rolled back. The message is on the form, and the retry saves them.
        open("owner", EntityFormView.NEW);
        text("firstName").setValue("Harold");
        text("lastName").setValue("Davis".repeat(8));
        _click(_get(Button.class, spec -> spec.withId("inline-pets-add")));
        inline("pets", 0, "name", TextField.class).setValue("Iggy");
        save();
        _get(EntityFormView.class);
        assertThat(problem()).startsWith("A value is too long or too large for the database")
                .doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("sql")
                .doesNotContainIgnoringCase("varying").doesNotContain("com.example");
        assertThat(text("lastName").getValue()).isEqualTo("Davis".repeat(8));
        assertThat(jdbc.queryForObject("select count(*) from pets where name = 'Iggy'", Long.class)).isZero();
        text("lastName").setValue("Davis");
        save();
        _get(EntityListView.class);
        assertThat(lastNotification()).isEqualTo("Saved owner 'Harold Davis'.");
        assertThat(jdbc.queryForObject("select count(*) from pets p join owners o on o.id = p.owner_id"
                + " where o.last_name = 'Davis' and p.name = 'Iggy'", Long.class)).isEqualTo(1);
    }

    @Test
    void oneWayChildrenAreEditedOnTheParentsFormAndTwoWayOnesOnTheChilds() {
        // Pet has no owner attribute: the owner's form is the only place a pet can be linked, so it is offered
        // there without an 'inlines' setting. A shift names its vet, so the vet's form leaves shifts to the shift.
        assertThat(registry.bySlug("owner").orElseThrow().formFields()).extracting(AdminField::path).contains("pets");
        assertThat(registry.bySlug("owner").orElseThrow().inlineRows("pets")).extracting(AdminField::path)
                .containsExactly("name", "birthDate", "type");
        assertThat(registry.bySlug("pet").orElseThrow().formFields()).extracting(AdminField::path).contains("visits");
        assertThat(registry.bySlug("clinic").orElseThrow().formFields()).extracting(AdminField::path)
                .contains("rooms");
        assertThat(registry.bySlug("vet").orElseThrow().formFields()).extracting(AdminField::path)
                .contains("specialties").doesNotContain("shifts");
        assertThat(registry.bySlug("shift").orElseThrow().formFields()).extracting(AdminField::path)
                .contains("vet").doesNotContain("appointments");
    }

    // --- helpers ---

    /** What the dialog promised per table: the row itself, and each listed group of pets and visits. */
    private static Map<String, Long> promised(String table, List<String> items) {
        Map<String, Long> promised = new LinkedHashMap<>();
        TABLES.forEach(t -> promised.put(t, 0L));
        promised.put(table, 1L);
        for (String item : items) {
            Matcher group = GROUP.matcher(item);
            assertThat(group.matches()).as(item).isTrue();
            String target = TABLE_OF_NOUN.get(group.group(2));
            assertThat(target).as("table of '" + group.group(2) + "'").isNotNull();
            promised.merge(target, Long.valueOf(group.group(1)), Long::sum);
        }
        return promised;
    }

    private Map<String, Long> counts() {
        return PetclinicRows.counts(jdbc, TABLES);
    }

    private List<String> specialtiesOf(Integer vet) {
        return jdbc.queryForList("select s.name from vet_specialties vs join specialties s on s.id = vs.specialty_id"
                + " where vs.vet_id = ? order by s.name", String.class, vet);
    }

    private static Object byLabel(List<Object> items, MultiSelectComboBox<Object> combo, String label) {
        return items.stream().filter(i -> combo.getItemLabelGenerator().apply(i).equals(label)).findFirst()
                .orElseThrow();
    }

    private static String lastNotification() {
        List<Notification> shown = NotificationsKt.getNotifications();
        assertThat(shown).isNotEmpty();
        return shown.getLast().getElement().getProperty("text");
    }

    private static void open(String slug, String id) {
        UI.getCurrent().navigate(EntityFormView.class, new RouteParameters(Map.of("slug", slug, "id", id)));
    }

    private static Component field(String id) {
        return _get(_get(EntityFormView.class), Component.class, spec -> spec.withId("field-" + id));
    }

    private static TextField text(String id) {
        return (TextField) field(id);
    }

    private static <C extends Component> C inline(String path, int row, String column, Class<C> type) {
        return type.cast(_get(_get(EntityFormView.class), Component.class,
                spec -> spec.withId("inline-" + path + "-" + row + "-" + column)));
    }

    private static String errorAt(String id) {
        HasValidation field = (HasValidation) field(id);
        return field.isInvalid() ? field.getErrorMessage() : "";
    }

    private static void save() {
        _click(_get(Button.class, spec -> spec.withId("save")));
    }

    private static String problem() {
        Div problem = _get(Div.class, spec -> spec.withClasses("pc-problem"));
        return problem.isVisible() ? problem.getText() : "";
    }
}
