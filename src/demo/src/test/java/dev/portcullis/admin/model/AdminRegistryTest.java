package dev.portcullis.admin.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.ActiveProfiles;

import dev.portcullis.admin.ComputedColumn;
import dev.portcullis.admin.ModelAdmin;
import dev.portcullis.checks.CheckMessage;
import dev.portcullis.checks.internal.ChecksFailedException;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.demo.shop.Book;
import dev.portcullis.demo.shop.CustomerOrder;

import jakarta.persistence.EntityManagerFactory;

/**
 * Every name a developer gives is checked at start-up, and a wrong one is reported with an id, the option,
 * the value and a fix — never skipped.
 */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class AdminRegistryTest {

    @Autowired
    EntityManagerFactory emf;

    @Autowired
    AdminRegistry registry;

    @Test
    void demoEntitiesAreAllRegistered() {
        assertThat(registry.models()).extracting(AdminModel::slug)
                .containsExactly("book", "author", "customer", "order", "order-line", "user", "role", "login-lock", "session",
                        "intrusion-attempt", "intrusion-summary", "honeypot-block");
        AdminModel<Book> books = registry.byClass(Book.class).orElseThrow();
        assertThat(books.columns()).extracting(ListColumn::key)
                .containsExactly("title", "author", "genre", "publishedOn", "price", "inStock");
        assertThat(books.formFields()).extracting(AdminField::path)
                .containsExactly("title", "isbn", "author", "genre", "publishedOn", "price", "inStock");
        assertThat(books.formFields()).extracting(AdminField::kind).containsExactly(FieldKind.TEXT, FieldKind.TEXT,
                FieldKind.MANY_TO_ONE, FieldKind.ENUM, FieldKind.DATE, FieldKind.DECIMAL, FieldKind.BOOLEAN);
        assertThat(books.field("title").orElseThrow().required()).isTrue();
        assertThat(books.field("title").orElseThrow().maxLength()).isEqualTo(200);
        assertThat(registry.bySlug("order").orElseThrow().formFields()).extracting(AdminField::path)
                .containsExactly("customer", "status", "placedAt", "note", "lines");
        assertThat(registry.bySlug("user").orElseThrow().formFields()).extracting(AdminField::path)
                .doesNotContain("passwordHash");
    }

    @Test
    void misspeltNamesAreReportedWithIdsAndHints() {
        ModelAdmin<Book> wrong = new ModelAdmin<>(Book.class) {
            @Override
            public List<String> listDisplay() {
                return List.of("titel", "author.nmae");
            }

            @Override
            public List<String> searchFields() {
                return List.of("publishedOn");
            }

            @Override
            public List<String> listFilter() {
                return List.of("title");
            }

            @Override
            public List<String> ordering() {
                return List.of("-pubished");
            }

            @Override
            public int listPerPage() {
                return 0;
            }

            @Override
            public List<String> readonlyFields() {
                return List.of("nope");
            }

            @Override
            public List<String> autocompleteFields() {
                return List.of("genre");
            }

            @Override
            public List<String> inlines() {
                return List.of("author");
            }

            @Override
            public List<String> secretFields() {
                return List.of("isbnn");
            }
        };
        assertThatThrownBy(() -> AdminRegistry.build(emf.getMetamodel(), List.of(), List.of(wrong)))
                .isInstanceOf(ChecksFailedException.class)
                .satisfies(e -> assertThat(((ChecksFailedException) e).getMessages()).extracting(CheckMessage::id)
                        .containsExactly("admin.E108", "admin.E108", "admin.E324", "admin.E321", "admin.E033",
                                "admin.E322", "admin.E035", "admin.E331", "admin.E038", "admin.E312"))
                .satisfies(e -> assertThat(((ChecksFailedException) e).getMessages().getFirst().toString()).isEqualTo(
                        "dev.portcullis.demo.shop.Book: (admin.E108) The value of 'listDisplay[0]' refers to 'titel',"
                                + " which is not an attribute of Book.\n\tHINT: Did you mean 'title'? Attributes of Book:"
                                + " author, genre, id, inStock, isbn, price, publishedOn, title, version."))
                .satisfies(e -> assertThat(((ChecksFailedException) e).getMessages().get(1).message()).isEqualTo(
                        "The value of 'listDisplay[1]' refers to 'author.nmae', which is not an attribute of Author"
                                + " (via 'author')."));
    }

    @Test
    void everyOtherOptionReportsItsOwnIdDjangosWhereTheMeaningIsDjangos() {
        ModelAdmin<CustomerOrder> wrong = new ModelAdmin<>(CustomerOrder.class) {
            @Override
            public String slug() {
                return "Orders!";
            }

            @Override
            public List<ComputedColumn<CustomerOrder>> computedColumns() {
                return List.of(new ComputedColumn<>("note", "Note", CustomerOrder::getNote));
            }

            @Override
            public List<String> searchFields() {
                return List.of("notes");
            }

            @Override
            public List<String> ordering() {
                return List.of("lines");
            }

            @Override
            public List<String> exclude() {
                return List.of("nope");
            }

            @Override
            public List<String> inlines() {
                return List.of("lins");
            }

            @Override
            public List<String> autocompleteFields() {
                return List.of("custmer");
            }

            @Override
            public List<String> fields() {
                return List.of("note", "nope", "note");
            }

            @Override
            public String dateHierarchy() {
                return "note";
            }
        };
        assertThatThrownBy(() -> AdminRegistry.build(emf.getMetamodel(), List.of(), List.of(wrong)))
                .isInstanceOf(ChecksFailedException.class)
                .satisfies(e -> assertThat(((ChecksFailedException) e).getMessages()).extracting(CheckMessage::id)
                        .containsExactly("admin.E303", "admin.E325", "admin.E323", "admin.E320", "admin.E311",
                                "admin.E330", "admin.E037", "admin.E310", "admin.E006", "admin.E327"))
                .satisfies(e -> assertThat(((ChecksFailedException) e).getMessages()).extracting(CheckMessage::message)
                        .contains("The value of 'autocompleteFields[0]' refers to 'custmer', which is not an attribute"
                                        + " of CustomerOrder.",
                                "The value of 'fields' refers to 'note', which is listed twice.",
                                "The value of 'dateHierarchy' refers to 'note', which is not a date or date-time attribute."));
    }

    @Test
    void aClassThatIsNotAnEntityIsReported() {
        ModelAdmin<String> notAnEntity = new ModelAdmin<>(String.class) { };
        assertThatThrownBy(() -> AdminRegistry.build(emf.getMetamodel(), List.of(), List.of(notAnEntity)))
                .isInstanceOf(ChecksFailedException.class).hasMessageContaining("admin.E301");
    }

    @Test
    void twoRegistrationsOfOneEntityAreReported() {
        ModelAdmin<CustomerOrder> again = new ModelAdmin<>(CustomerOrder.class) { };
        ModelAdmin<CustomerOrder> twice = new ModelAdmin<>(CustomerOrder.class) { };
        assertThatThrownBy(() -> AdminRegistry.build(emf.getMetamodel(), List.of(), List.of(again, twice)))
                .isInstanceOf(ChecksFailedException.class).hasMessageContaining("admin.E302");
    }

    @Test
    void aMisconfiguredAdminStopsTheStartWithAFailureAnalysis(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(DemoApplication.class, BrokenAdmin.class)
                .profiles("test").properties("server.port=0").run()).isNotNull();
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("dev.portcullis.demo.shop.Book: (admin.E033) The value of 'ordering[0]' refers to 'published'")
                .contains("admin.E033: Did you mean 'publishedOn'?");
    }

    @Configuration(proxyBeanMethods = false)
    static class BrokenAdmin {

        @Bean
        ModelAdmin<Book> brokenBookAdmin() {
            return new ModelAdmin<>(Book.class) {
                @Override
                public String slug() {
                    return "broken-book";
                }

                @Override
                public List<String> ordering() {
                    return List.of("published");
                }
            };
        }
    }
}
