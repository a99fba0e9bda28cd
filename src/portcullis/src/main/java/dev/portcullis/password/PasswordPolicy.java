package dev.portcullis.password;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.passay.DefaultPasswordValidator;
import org.passay.PasswordData;
import org.passay.RuleResultDetail;
import org.passay.ValidationResult;
import org.passay.resolver.PropertiesMessageResolver;
import org.passay.rule.LengthRule;
import org.passay.rule.UsernameRule;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import dev.portcullis.password.internal.CommonPasswords;

/**
 * The one password policy every path that sets a password goes through: bootstrap, the forced change at first
 * sign-in, a user changing their own, an administrator setting one. Length is counted in Unicode code points
 * (Passay), the password may not contain the username, e-mail or name, may not be one of the 100,000 most common
 * passwords, and must reach a zxcvbn strength score. Every refusal says why.
 */
public class PasswordPolicy {

    private final PasswordPolicyProperties properties;
    private final CommonPasswords common;
    private final DefaultPasswordValidator rules;
    private final Zxcvbn zxcvbn = new Zxcvbn();

    public PasswordPolicy(PasswordPolicyProperties properties, CommonPasswords common) {
        this.properties = properties;
        this.common = common;
        this.rules = new DefaultPasswordValidator(new PropertiesMessageResolver(messages()),
                new LengthRule(properties.getMinLength(), properties.getMaxLength()), new UsernameRule(true, true));
    }

    private static java.util.Properties messages() {
        java.util.Properties messages = new java.util.Properties();
        messages.setProperty(LengthRule.ERROR_CODE_MIN, "Use at least %1$s characters.");
        messages.setProperty(LengthRule.ERROR_CODE_MAX, "Use at most %2$s characters.");
        messages.setProperty(UsernameRule.ERROR_CODE, "Do not use your username in the password.");
        messages.setProperty(UsernameRule.ERROR_CODE_REVERSED, "Do not use your username, even reversed, in the password.");
        return messages;
    }

    /**
     * Checks a candidate password for a user.
     *
     * @param password the candidate, exactly as typed (never trimmed or truncated)
     * @param userInputs the user's username first, then e-mail and name; the password may not contain them
     */
    public PasswordCheck check(String password, List<String> userInputs) {
        String candidate = password == null ? "" : password;
        int length = candidate.codePointCount(0, candidate.length());
        List<String> problems = new ArrayList<>();
        String username = userInputs.isEmpty() || userInputs.getFirst() == null ? "" : userInputs.getFirst();
        ValidationResult result = rules.validate(new PasswordData(username, candidate));
        for (RuleResultDetail detail : result.getDetails()) {
            problems.add(switch (detail.getErrorCode()) {
                case LengthRule.ERROR_CODE_MIN ->
                        "Use at least " + properties.getMinLength() + " characters (this one has " + length + ").";
                case LengthRule.ERROR_CODE_MAX -> "Use at most " + properties.getMaxLength() + " characters (this one"
                        + " has " + length + "); longer passwords are refused, not shortened.";
                default -> rules.getMessageResolver().resolve(detail);
            });
        }
        boolean tooLong = length > properties.getMaxLength();
        String lower = candidate.toLowerCase(Locale.ROOT);
        Set<String> inputs = meaningfulInputs(userInputs);
        if (!tooLong && inputs.stream().skip(username.isEmpty() ? 0 : 1).anyMatch(lower::contains)
                && problems.stream().noneMatch(p -> p.contains("username"))) {
            problems.add("Do not use your username, e-mail or name in the password.");
        }
        if (properties.isRefuseCommon() && common.contains(candidate)) {
            problems.add("This is one of the 100,000 most common passwords; attackers try those first.");
        }
        if (tooLong) {
            return new PasswordCheck(problems, 0, "", "", List.of());
        }
        Strength strength = zxcvbn.measure(prefix(candidate), List.copyOf(inputs));
        String warning = strength.getFeedback().getWarning(Locale.ENGLISH);
        List<String> suggestions = strength.getFeedback().getSuggestions(Locale.ENGLISH);
        if (strength.getScore() < properties.getMinScore() && !candidate.isEmpty()) {
            // The refusal carries zxcvbn's advice too, for paths without a meter (e.g. the bootstrap password).
            problems.add("This password is too easy to guess (strength " + strength.getScore() + " of 4; at least "
                    + properties.getMinScore() + " is needed)." + (warning == null || warning.isBlank() ? ""
                    : " " + warning) + (suggestions.isEmpty() ? "" : " " + String.join(" ", suggestions)));
        }
        return new PasswordCheck(problems, strength.getScore(),
                strength.getCrackTimesDisplay().getOfflineSlowHashing1e4perSecond(), warning, suggestions);
    }

    /** The first characters zxcvbn looks at; see {@link PasswordPolicyProperties#getEstimateLimit()}. */
    private String prefix(String candidate) {
        int limit = properties.getEstimateLimit();
        return candidate.codePointCount(0, candidate.length()) <= limit ? candidate
                : candidate.substring(0, candidate.offsetByCodePoints(0, limit));
    }

    private static Set<String> meaningfulInputs(List<String> userInputs) {
        Set<String> inputs = new LinkedHashSet<>();
        for (String input : userInputs) {
            if (input != null && input.strip().length() >= 3) {
                inputs.add(input.strip().toLowerCase(Locale.ROOT));
            }
        }
        return inputs;
    }

    public int minLength() {
        return properties.getMinLength();
    }

    public int minScore() {
        return properties.getMinScore();
    }
}
