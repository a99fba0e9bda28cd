package dev.portcullis.admin.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.portcullis.admin.data.internal.SavedFilters;
import dev.portcullis.admin.model.AdminModel;
import dev.portcullis.admin.model.AdminRegistry;

/**
 * The saved filters' table (migration V17) and its queries: saved, replaced by name, listed by name, and each user's
 * own only, whatever id another user sends. Run on H2 and on PostgreSQL.
 */
abstract class SavedFilterStore {

    @Autowired
    SavedFilters savedFilters;

    @Autowired
    AdminRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    private static void as(String username, String... authorities) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, java.util.Arrays.stream(authorities).map(SimpleGrantedAuthority::new).toList()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private AdminModel<?> books() {
        return registry.bySlug("book").orElseThrow();
    }

    @Test
    void eachUserSavesListsAndDeletesOnlyTheirOwn() {
        String anna = "store-anna-" + System.nanoTime();
        String ben = "store-ben-" + System.nanoTime();
        as(anna, "ROLE_STAFF", "book:view");
        SavedFilters.Saved scifi = savedFilters.save(books(), "Sci-fi in stock", "genre=SCIFI&inStock=true");
        savedFilters.save(books(), "  cheap first ", "o=price");
        // The same name again replaces the user's own filter of that name.
        savedFilters.save(books(), "Sci-fi in stock", "genre=SCIFI&inStock=true&o=title");
        assertThat(savedFilters.mine(books())).extracting(SavedFilters.Saved::name, SavedFilters.Saved::listState)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cheap first", "o=price"),
                        org.assertj.core.groups.Tuple.tuple("Sci-fi in stock", "genre=SCIFI&inStock=true&o=title"));
        assertThat(savedFilters.find(books(), scifi.id())).map(SavedFilters.Saved::listState)
                .hasValue("genre=SCIFI&inStock=true&o=title");

        as(ben, "ROLE_STAFF", "book:view");
        assertThat(savedFilters.mine(books())).isEmpty();
        assertThat(savedFilters.find(books(), scifi.id())).isEmpty();
        assertThat(savedFilters.delete(books(), scifi.id())).isFalse();
        savedFilters.save(books(), "Sci-fi in stock", "genre=SCIFI");
        assertThat(savedFilters.mine(books())).extracting(SavedFilters.Saved::listState).containsExactly("genre=SCIFI");

        as(anna, "ROLE_STAFF", "book:view");
        assertThat(savedFilters.mine(books())).hasSize(2);
        assertThat(savedFilters.delete(books(), scifi.id())).isTrue();
        assertThat(savedFilters.mine(books())).extracting(SavedFilters.Saved::name).containsExactly("cheap first");
        assertThat(jdbc.queryForObject("select count(*) from portcullis_saved_filter where username = ?",
                Integer.class, ben)).isEqualTo(1);
    }

    @Test
    void savingAndReadingNeedTheViewPermissionAndAName() {
        as("store-nobody-" + System.nanoTime(), "ROLE_STAFF");
        assertThatThrownBy(() -> savedFilters.mine(books())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> savedFilters.save(books(), "x", "q=x")).isInstanceOf(AccessDeniedException.class);
        as("store-carl-" + System.nanoTime(), "ROLE_STAFF", "book:view");
        assertThatThrownBy(() -> savedFilters.save(books(), "  ", "q=x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> savedFilters.save(books(), "long", "q=" + "x".repeat(SavedFilters.MAX_STATE)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(savedFilters.mine(books())).isEmpty();
        assertThat(List.of(savedFilters.save(books(), "ä ö ü – “quoted”", "q=%C3%A4").name()))
                .containsExactly("ä ö ü – “quoted”");
    }
}
