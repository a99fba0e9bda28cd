package dev.portcullis.admin.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import dev.portcullis.admin.ModelAdmin;
import dev.portcullis.checks.CheckMessage;
import dev.portcullis.checks.internal.ChecksFailedException;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.demo.shop.Book;

import jakarta.persistence.EntityManagerFactory;

/**
 * listEditable is checked at start-up with Django's numbers: an attribute (E121), in the list (E122), not the first
 * column that links to the row (E124), editable (E125); and Portcullis's own E328 for a kind a cell cannot edit.
 */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class ListEditableChecksTest {

    @Autowired
    EntityManagerFactory emf;

    private ModelAdmin<Book> books(List<String> display, List<String> editable, List<String> readonly) {
        return new ModelAdmin<>(Book.class) {
            @Override
            public List<String> listDisplay() {
                return display;
            }

            @Override
            public List<String> listEditable() {
                return editable;
            }

            @Override
            public List<String> readonlyFields() {
                return readonly;
            }
        };
    }

    @Test
    void everyWrongColumnIsReportedWithItsOwnId() {
        ModelAdmin<Book> wrong = books(List.of("title", "id", "author", "genre", "price"),
                List.of("prise", "isbn", "title", "id", "genre", "author", "price"), List.of("genre"));
        assertThatThrownBy(() -> AdminRegistry.build(emf.getMetamodel(), List.of(), List.of(wrong)))
                .isInstanceOf(ChecksFailedException.class)
                .satisfies(e -> {
                    List<CheckMessage> messages = ((ChecksFailedException) e).getMessages();
                    assertThat(messages).extracting(CheckMessage::id).containsExactly("admin.E121", "admin.E122",
                            "admin.E124", "admin.E125", "admin.E125", "admin.E328");
                    assertThat(messages.getFirst().message()).contains("listEditable[0]").contains("'prise'");
                    assertThat(messages.getFirst().hint()).contains("Did you mean 'price'?");
                    assertThat(messages.get(2).message()).contains("first column of 'listDisplay'");
                    assertThat(messages.getLast().message()).contains("'author'").contains("to-one relation");
                });
    }

    @Test
    void simpleColumnsAfterTheFirstAreAccepted() {
        ModelAdmin<Book> right = books(List.of("title", "genre", "publishedOn", "price", "inStock", "isbn"),
                List.of("genre", "publishedOn", "price", "inStock", "isbn"), List.of());
        AdminRegistry registry = AdminRegistry.build(emf.getMetamodel(), List.of(), List.of(right));
        assertThat(registry.bySlug("book").orElseThrow().listEditable()).extracting(AdminField::path)
                .containsExactly("genre", "publishedOn", "price", "inStock", "isbn");
    }
}
