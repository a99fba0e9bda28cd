package dev.portcullis.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;

import dev.portcullis.admin.ui.internal.CellFormat;
import dev.portcullis.admin.ui.internal.GlobalSearch;
import dev.portcullis.demo.DemoApplication;
import dev.portcullis.testsupport.BookshopKaribuTest;

/**
 * The language a user picks in the user menu: stored on the user, applied at once and to every new page, with the
 * browser's formats kept when the browser speaks that language; without a choice, and before sign-in, the browser's
 * language applies.
 */
@SpringBootTest(classes = DemoApplication.class)
@ActiveProfiles("test")
class LanguageChoiceTest extends BookshopKaribuTest {

    private static final Locale SWISS_GERMAN = Locale.forLanguageTag("de-CH");
    private static final Locale BRITISH = Locale.forLanguageTag("en-GB");
    private static final LocalDate NEW_YEARS_EVE = LocalDate.of(2024, 12, 31);

    @BeforeEach
    void user() {
        bookshopWithSuperuser(10, "lang-root");
        for (String name : List.of("lang-user", "lang-other")) {
            if (users.findByUsername(name).isEmpty()) {
                users.createUser(name, "correct horse battery staple", true, false, false);
            }
        }
        users.choosePreferredLanguage(users.findByUsername("lang-user").orElseThrow().getId(), null);
    }

    private MainLayout dashboard() {
        UI.getCurrent().navigate(DashboardView.class);
        return _get(MainLayout.class);
    }

    private static List<String> userMenu(MainLayout layout) {
        return layout.userMenu.getItems().getFirst().getSubMenu().getItems().stream().map(MenuItem::getText).toList();
    }

    @Test
    void withoutAChoiceTheBrowsersLanguageAndFormatsApply() {
        signInAs("lang-user");
        openNewUi(SWISS_GERMAN);
        assertThat(UI.getCurrent().getLocale()).isEqualTo(SWISS_GERMAN);
        MainLayout layout = dashboard();
        assertThat(layout.skipLink.getText()).isEqualTo("Zum Inhalt springen");
        assertThat(layout.browserLanguageItem.isChecked()).isTrue();
        assertThat(CellFormat.format(NEW_YEARS_EVE)).isEqualTo("31.12.2024");

        openNewUi(BRITISH);
        layout = dashboard();
        assertThat(layout.skipLink.getText()).isEqualTo("Skip to content");
        assertThat(CellFormat.format(NEW_YEARS_EVE)).isEqualTo("31/12/2024");
    }

    @Test
    void aChosenLanguageIsStoredAppliedAtOnceAndOnEveryNewPageWithTheBrowsersFormatsWhenItSpeaksIt() {
        signInAs("lang-user");
        openNewUi(Locale.US);
        MainLayout layout = dashboard();
        assertThat(userMenu(layout)).contains("Language");
        // Each language is offered in its own words.
        assertThat(layout.languageItems.values()).extracting(MenuItem::getText).containsExactly("English", "Deutsch");

        _click(layout.languageItems.get(Locale.GERMAN));
        assertThat(users.findByUsername("lang-user").orElseThrow().getPreferredLanguage()).isEqualTo("de");
        // Applied at once: an English-speaking browser gets German with Germany's formats (the page reloads).
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.GERMANY);

        // A new page of the same user in the same browser: German, with German dates.
        openNewUi(Locale.US);
        layout = dashboard();
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.GERMANY);
        assertThat(layout.languageItems.get(Locale.GERMAN).isChecked()).isTrue();
        assertThat(layout.browserLanguageItem.isChecked()).isFalse();
        assertThat(userMenu(layout)).contains("Passwort ändern", "Meine Sitzungen", "Sprache", "Abmelden");
        assertThat(layout.skipLink.getText()).isEqualTo("Zum Inhalt springen");
        assertThat(layout.searchButton.getElement().getAttribute("aria-label")).isEqualTo("Alles durchsuchen");
        assertThat(layout.breadcrumbTexts()).containsExactly("Startseite");
        assertThat(CellFormat.format(NEW_YEARS_EVE)).isEqualTo("31.12.2024");

        // A Swiss browser keeps its own formats for the same choice.
        openNewUi(SWISS_GERMAN);
        assertThat(UI.getCurrent().getLocale()).isEqualTo(SWISS_GERMAN);

        // Another user of the same browser is not affected.
        signInAs("lang-other");
        openNewUi(BRITISH);
        assertThat(dashboard().skipLink.getText()).isEqualTo("Skip to content");

        // Back to the browser's language.
        signInAs("lang-user");
        openNewUi(BRITISH);
        layout = dashboard();
        _click(layout.browserLanguageItem);
        assertThat(users.findByUsername("lang-user").orElseThrow().getPreferredLanguage()).isNull();
        openNewUi(BRITISH);
        assertThat(UI.getCurrent().getLocale()).isEqualTo(BRITISH);
        assertThat(dashboard().skipLink.getText()).isEqualTo("Skip to content");
    }

    @Test
    void englishChosenInAGermanBrowserReadsEnglishWithUsFormats() {
        signInAs("lang-user");
        openNewUi(SWISS_GERMAN);
        _click(dashboard().languageItems.get(Locale.ENGLISH));
        openNewUi(SWISS_GERMAN);
        MainLayout layout = dashboard();
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.US);
        assertThat(layout.skipLink.getText()).isEqualTo("Skip to content");
        assertThat(CellFormat.format(NEW_YEARS_EVE)).isEqualTo("12/31/2024");
    }

    @Test
    void theHeaderSearchButtonOpensTheGlobalSearchAndNamesItsShortcut() {
        signInAs("lang-root");
        openNewUi(Locale.US);
        MainLayout layout = dashboard();
        assertThat(layout.searchButton.isVisible()).isTrue();
        assertThat(layout.searchButton.getElement().getAttribute("aria-label")).isEqualTo("Search everything");
        assertThat(layout.searchButton.getTooltip().getText()).isEqualTo("Search everything (Ctrl+K)");
        assertThat(layout.searchButton.getParent().orElseThrow().getElement().getTag()).isEqualTo("header");

        _click(layout.searchButton);
        GlobalSearch search = _get(GlobalSearch.class);
        assertThat(search.isOpened()).isTrue();
        assertThat(search.getHeaderTitle()).isEqualTo("Search everything");
    }
}
