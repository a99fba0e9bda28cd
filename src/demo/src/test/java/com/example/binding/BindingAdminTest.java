package com.example.binding;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;

import dev.portcullis.admin.data.AdminEntityService;
import dev.portcullis.admin.data.SaveRejectedException;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;
import dev.portcullis.admin.model.EntityLabels;
import dev.portcullis.admin.ui.EntityFormView;
import dev.portcullis.admin.ui.EntityListView;
import dev.portcullis.auth.AdminUserService;
import dev.portcullis.checks.CheckMessage;
import dev.portcullis.testsupport.KaribuTest;
import dev.portcullis.testsupport.Users;

import jakarta.persistence.EntityManager;

/**
 * The admin's form on entities written as people write them: a getter-only many-to-many set, a one-way parent
 * whose children are edited inline, every value type, and every way a save can be refused.
 */
@SpringBootTest(classes = BindingApplication.class,
        properties = "spring.flyway.locations=classpath:db/migration,classpath:binding/migration/{vendor}")
@ActiveProfiles("test")
class BindingAdminTest extends KaribuTest {

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
        if (users.findByUsername("keeper").isEmpty()) {
            users.createUser("keeper", "correct horse battery staple", true, true, false);
        }
        jdbc.update("delete from kennel_skill");
        jdbc.update("delete from dog");
        jdbc.update("delete from kennel");
        jdbc.update("delete from skill");
        jdbc.update("delete from gadget");
        tx.executeWithoutResult(status -> {
            em.persist(new Skill("fetch"));
            em.persist(new Skill("sit"));
            Kennel alpha = new Kennel("Alpha");
            alpha.getDogs().add(new Dog("Fido"));
            alpha.getDogs().add(new Dog("Bello"));
            em.persist(alpha);
        });
        signInAs("keeper");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aGetterOnlySetOpensInTheFormAndSaves() {
        open("kennel", "add");
        text("name").setValue("Beta");
        MultiSelectComboBox<Object> skills = (MultiSelectComboBox<Object>) field("skills");
        Object fetch = service.lookup(Skill.class, "", 0, 10).getFirst();
        assertThat(skills.getItemLabelGenerator().apply(fetch)).matches("Skill #\\d+");
        skills.setValue(Set.of(fetch));
        save();
        _get(EntityListView.class);
        assertThat(jdbc.queryForObject("select count(*) from kennel_skill ks join kennel k on k.id = ks.kennel_id"
                + " where k.name = 'Beta'", Long.class)).isEqualTo(1);

        open("kennel", kennelId("Beta"));
        skills = (MultiSelectComboBox<Object>) field("skills");
        assertThat(skills.getValue()).hasSize(1);
        skills.setValue(Set.copyOf(service.lookup(Skill.class, "", 0, 10)));
        save();
        assertThat(jdbc.queryForObject("select count(*) from kennel_skill where kennel_id = ?", Long.class,
                Long.valueOf(kennelId("Beta")))).isEqualTo(2);
    }

    @Test
    void aLocalTimeEntityIsAddedWithATime() {
        open("gadget", "add");
        text("name").setValue("Door");
        ((TimePicker) field("opensAt")).setValue(LocalTime.of(9, 30));
        text("runtime").setValue("1h 30m");
        text("currency").setValue("eur");
        text("language").setValue("de-CH");
        text("zone").setValue("Europe/Berlin");
        text("homepage").setValue("https://example.com/door");
        text("serial").setValue("123456789012345678901234567890");
        text("serviceDue").setValue("2026-03");
        ((IntegerField) field("madeIn")).setValue(1999);
        text("grade").setValue("B");
        ((TextArea) field("notes")).setValue("Long notes ".repeat(40));
        save();
        _get(EntityListView.class);
        Map<String, Object> row = jdbc.queryForMap("select * from gadget where name = 'Door'");
        assertThat(row.get("OPENS_AT").toString()).startsWith("09:30");
        assertThat(row).containsEntry("RUNTIME", "PT1H30M").containsEntry("CURRENCY", "EUR")
                .containsEntry("LANGUAGE", "de-CH").containsEntry("ZONE", "Europe/Berlin")
                .containsEntry("HOMEPAGE", "https://example.com/door").containsEntry("SERVICE_DUE", "2026-03")
                .containsEntry("MADE_IN", 1999).containsEntry("GRADE", "B");
        assertThat(row.get("SERIAL").toString()).isEqualTo("123456789012345678901234567890");
    }

    @Test
    void everyValueTypeGetsAFittingFieldOrAClearReadOnlyDisplay() {
        open("gadget", "add");
        record Expected(String path, Class<? extends Component> type, boolean readOnly) {
        }
        List<Expected> table = List.of(
                new Expected("opensAt", TimePicker.class, false),
                new Expected("runtime", TextField.class, false),
                new Expected("seenAt", DateTimePicker.class, false),
                new Expected("builtAt", DateTimePicker.class, false),
                new Expected("madeIn", IntegerField.class, false),
                new Expected("serviceDue", TextField.class, false),
                new Expected("photo", TextField.class, true),
                new Expected("notes", TextArea.class, false),
                new Expected("grade", TextField.class, false),
                new Expected("serial", TextField.class, false),
                new Expected("currency", TextField.class, false),
                new Expected("language", TextField.class, false),
                new Expected("zone", TextField.class, false),
                new Expected("homepage", TextField.class, false));
        for (Expected expected : table) {
            Component component = field(expected.path());
            assertThat(component).as(expected.path()).isInstanceOf(expected.type());
            assertThat(((HasValue<?, ?>) component).isReadOnly()).as(expected.path()).isEqualTo(expected.readOnly());
        }
        assertThat(text("photo").getValue()).isEqualTo("");
        text("runtime").setValue("soon");
        text("currency").setValue("euro");
        text("zone").setValue("Mars/Olympus");
        save();
        assertThat(((HasValidation) field("runtime")).getErrorMessage()).isEqualTo("Enter a duration, like 1h 30m or 45m");
        assertThat(((HasValidation) field("currency")).getErrorMessage()).isEqualTo("Enter a currency code, like EUR");
        assertThat(((HasValidation) field("zone")).getErrorMessage()).isEqualTo("Enter a time zone, like Europe/Berlin");
        assertThat(((HasValidation) field("opensAt")).getErrorMessage()).isEqualTo("Required");
        assertThat(problem()).isEqualTo("Please correct the errors below.");
    }

    @Test
    void aDatePickerTakesIsoAsWellAsTheLocaleFormatAndSaysWhatItExpects() {
        open("dog", "add");
        DatePicker born = (DatePicker) field("born");
        assertThat(born.getI18n().getDateFormats()).contains("yyyy-MM-dd");
        assertThat(born.getFallbackParser().apply("2000-01-01").getOrThrow(IllegalStateException::new))
                .isEqualTo(LocalDate.of(2000, 1, 1));
        assertThat(born.getFallbackParser().apply("first of May").isError()).isTrue();
        assertThat(born.getI18n().getBadInputErrorMessage()).contains("2024-12-31");
    }

    @Test
    void aDatabaseRefusalIsShownForPeopleAndTheCorrectedSaveWorks() {
        open("kennel", "add");
        text("name").setValue("Alpha");
        save();
        assertThat(problem()).isEqualTo("Another kennel already has this name. Choose a different one.")
                .doesNotContainIgnoringCase("constraint").doesNotContainIgnoringCase("sql");
        assertThat(text("name").getValue()).isEqualTo("Alpha");
        assertThat(text("name").getErrorMessage()).isEqualTo("Already used by another kennel");
        assertThat(text("name").isInvalid()).isTrue();

        text("name").setValue("Gamma");
        save();
        _get(EntityListView.class);
        assertThat(jdbc.queryForObject("select count(*) from kennel where name = 'Gamma'", Long.class)).isEqualTo(1);
    }

    @Test
    void aFailedPersistLeavesNoGeneratedIdBehindAndTheRetrySucceeds() {
        Users.superuser();
        AdminModel<Kennel> kennels = registry.byClass(Kennel.class).orElseThrow();
        Kennel kennel = new Kennel("Alpha");
        kennel.getDogs().add(new Dog("Rex"));
        assertThatThrownBy(() -> service.save(kennels, kennel)).isInstanceOf(SaveRejectedException.class);
        assertThat(kennel.getId()).isNull();
        assertThat(kennel.getDogs().getFirst().getId()).isNull();

        Kennel invalid = new Kennel(" ");
        assertThatThrownBy(() -> service.save(kennels, invalid)).isInstanceOfSatisfying(SaveRejectedException.class,
                rejected -> assertThat(rejected.fieldProblems()).containsEntry("name", "Required"));
        assertThat(invalid.getId()).isNull();

        kennel.setName("Delta");
        service.save(kennels, kennel);
        assertThat(jdbc.queryForObject("select count(*) from dog d join kennel k on k.id = d.kennel_id"
                + " where k.name = 'Delta' and d.name = 'Rex'", Long.class)).isEqualTo(1);
    }

    @Test
    void aStaleVersionSaysSomeoneElseChangedIt() {
        open("kennel", kennelId("Alpha"));
        jdbc.update("update kennel set version = version + 1, name = 'Alpha prime' where name = 'Alpha'");
        text("name").setValue("Alpha two");
        save();
        assertThat(problem()).startsWith("Someone else changed this kennel after you opened it.");
        assertThat(text("name").getValue()).isEqualTo("Alpha two");
        assertThat(jdbc.queryForObject("select name from kennel", String.class)).isEqualTo("Alpha prime");
    }

    @Test
    void childrenOfAOneWayParentAreAddedEditedAndRemovedInline() {
        String id = kennelId("Alpha");
        open("kennel", id);
        EntityFormView form = _get(EntityFormView.class);
        TextField first = (TextField) _get(form, Component.class, spec -> spec.withId("inline-dogs-0-name"));
        TextField second = (TextField) _get(form, Component.class, spec -> spec.withId("inline-dogs-1-name"));
        String removed = second.getValue();
        String edited = first.getValue();
        first.setValue(edited + " II");
        _click(_get(form, Button.class, spec -> spec.withId("inline-dogs-1-remove")));
        _click(_get(form, Button.class, spec -> spec.withId("inline-dogs-add")));
        TextField added = (TextField) _get(form, Component.class, spec -> spec.withId("inline-dogs-2-name"));
        save();
        assertThat(((HasValidation) added).getErrorMessage()).isEqualTo("Required");
        added.setValue("Rex");
        save();
        _get(EntityListView.class);
        assertThat(jdbc.queryForList("select name from dog where kennel_id = ? order by name", String.class,
                Long.valueOf(id))).containsExactlyInAnyOrder(edited + " II", "Rex");
        assertThat(jdbc.queryForObject("select count(*) from dog where name = ?", Long.class, removed)).isZero();
    }

    @Test
    void addDogFromTheKennelFormLinksTheNewDog() {
        String id = kennelId("Alpha");
        open("kennel", id);
        Anchor link = _get(Anchor.class, spec -> spec.withId("add-child-dogs"));
        assertThat(link.getText()).isEqualTo("Add dog");
        QueryParameters query = QueryParameters.fromString(link.getHref().substring(link.getHref().indexOf('?') + 1));
        UI.getCurrent().navigate(EntityFormView.class, new RouteParameters(Map.of("slug", "dog", "id", "add")), query);
        text("name").setValue("Lassie");
        save();
        _get(EntityFormView.class);
        assertThat(jdbc.queryForObject("select kennel_id from dog where name = 'Lassie'", Long.class))
                .isEqualTo(Long.valueOf(id));
    }

    @Test
    void aChildLinkToAnotherEntitysAttributeIsIgnored() {
        String id = kennelId("Alpha");
        UI.getCurrent().navigate(EntityFormView.class, new RouteParameters(Map.of("slug", "dog", "id", "add")),
                QueryParameters.fromString("parent=kennel&parent-id=" + id + "&via=skills"));
        text("name").setValue("Stray");
        save();
        _get(EntityListView.class);
        assertThat(jdbc.queryForObject("select count(*) from dog where name = 'Stray' and kennel_id is null",
                Long.class)).isEqualTo(1);
    }

    @Test
    void startUpWarnsAboutAttributesTheFormCannotFill() {
        List<CheckMessage> sealed = registry.messages().stream()
                .filter(m -> m.source().equals(Sealed.class.getName())).toList();
        assertThat(sealed).extracting(CheckMessage::id).containsExactlyInAnyOrder("admin.W200", "admin.W201",
                "admin.W201", "admin.W302");
        assertThat(sealed).filteredOn(m -> m.id().equals("admin.W302")).singleElement()
                .satisfies(m -> assertThat(m.message()).contains("will read as 'Sealed #17'"));
        assertThat(sealed).filteredOn(m -> m.id().equals("admin.W200")).singleElement()
                .satisfies(m -> assertThat(m.message()).contains("'Sealed.shade' is required"));
        assertThat(registry.messages()).filteredOn(m -> m.source().equals(Gadget.class.getName()))
                .extracting(CheckMessage::id).containsExactly("admin.W201");
        assertThat(registry.messages()).filteredOn(m -> m.source().equals(Kennel.class.getName())).isEmpty();
    }

    @Test
    void rowsAreLabelledByNameOrByEntityAndId() {
        Users.superuser();
        Skill skill = service.lookup(Skill.class, "", 0, 1).getFirst();
        assertThat(EntityLabels.of(skill)).isEqualTo("Skill #" + skill.getId());
        assertThat(EntityLabels.of(new Dog("Rex"))).isEqualTo("Rex");
    }

    private String kennelId(String name) {
        return String.valueOf(jdbc.queryForObject("select id from kennel where name = ?", Long.class, name));
    }

    private static void open(String slug, String id) {
        UI.getCurrent().navigate(EntityFormView.class, new RouteParameters(Map.of("slug", slug, "id", id)));
    }

    private static Component field(String path) {
        return _get(_get(EntityFormView.class), Component.class, spec -> spec.withId("field-" + path));
    }

    private static TextField text(String path) {
        return (TextField) field(path);
    }

    private static void save() {
        _click(_get(Button.class, spec -> spec.withId("save")));
    }

    private static String problem() {
        Div problem = _get(Div.class, spec -> spec.withClasses("pc-problem"));
        return problem.isVisible() ? problem.getText() : "";
    }
}
