package dev.portcullis.password;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one password policy every path that sets a password goes through (bootstrap, forced change, own change,
 * an admin setting one). Checks length in Unicode code points, so emoji and accents count as one character each.
 */
public class PasswordPolicy {

    private final PasswordPolicyProperties properties;

    public PasswordPolicy(PasswordPolicyProperties properties) {
        this.properties = properties;
    }

    /**
     * Checks a candidate password for the given user.
     *
     * @param password the candidate, exactly as typed (never trimmed or truncated)
     * @param userInputs the username, e-mail and name of the user; the password may not contain them
     */
    public PasswordCheck check(String password, List<String> userInputs) {
        List<String> problems = new ArrayList<>();
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < properties.getMinLength()) {
            problems.add("Use at least " + properties.getMinLength() + " characters (this one has " + length + ").");
        }
        if (length > properties.getMaxLength()) {
            problems.add("Use at most " + properties.getMaxLength() + " characters (this one has " + length + ").");
        }
        if (password != null && length <= properties.getMaxLength()) {
            String lower = password.toLowerCase(Locale.ROOT);
            for (String input : userInputs) {
                if (input != null && input.length() >= 3 && lower.contains(input.toLowerCase(Locale.ROOT))) {
                    problems.add("Do not use your username, e-mail or name in the password.");
                    break;
                }
            }
        }
        return new PasswordCheck(problems);
    }

    public int minLength() {
        return properties.getMinLength();
    }
}
