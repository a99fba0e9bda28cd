package dev.portcullis.password;

import java.util.List;

/**
 * The verdict on a candidate password: every reason it is refused (empty when accepted), and the strength
 * estimate behind it, for a meter.
 *
 * @param problems why the password is refused, in plain words; empty when it is accepted
 * @param score zxcvbn's strength score, 0 (very weak) to 4 (very strong)
 * @param crackTime estimated time to crack it offline against a slow hash, e.g. "3 years"
 * @param warning zxcvbn's warning, or empty
 * @param suggestions zxcvbn's suggestions
 */
public record PasswordCheck(List<String> problems, int score, String crackTime, String warning,
        List<String> suggestions) {

    public PasswordCheck {
        problems = List.copyOf(problems);
        suggestions = List.copyOf(suggestions);
        warning = warning == null ? "" : warning;
        crackTime = crackTime == null ? "" : crackTime;
    }

    public boolean accepted() {
        return problems.isEmpty();
    }

    /** Very weak, Weak, Fair, Strong, Very strong, in the reader's language. */
    public String label() {
        return switch (score) {
            case 0 -> dev.portcullis.i18n.Messages.get("password.strength.very-weak");
            case 1 -> dev.portcullis.i18n.Messages.get("password.strength.weak");
            case 2 -> dev.portcullis.i18n.Messages.get("password.strength.fair");
            case 3 -> dev.portcullis.i18n.Messages.get("password.strength.strong");
            default -> dev.portcullis.i18n.Messages.get("password.strength.very-strong");
        };
    }
}
