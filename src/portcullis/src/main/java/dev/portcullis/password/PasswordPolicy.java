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
import org.passay.resolver.MessageResolver;
import org.passay.rule.LengthRule;
import org.passay.rule.UsernameRule;

import dev.portcullis.i18n.Messages;
import dev.portcullis.password.internal.PasswordTexts;

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
        this.rules = new DefaultPasswordValidator(PasswordTexts.passay(Locale.ENGLISH),
                new LengthRule(properties.getMinLength(), properties.getMaxLength()), new UsernameRule(true, true));
    }

    /**
     * Checks a candidate password for a user.
     *
     * @param password the candidate, exactly as typed (never trimmed or truncated)
     * @param userInputs the user's username first, then e-mail and name; the password may not contain them
     */
    public PasswordCheck check(String password, List<String> userInputs) {
        return check(password, userInputs, Messages.currentLocale());
    }

    /** Checks a candidate password, every text in {@code locale}. */
    public PasswordCheck check(String password, List<String> userInputs, Locale locale) {
        MessageResolver messages = PasswordTexts.passay(locale);
        String candidate = password == null ? "" : password;
        int length = candidate.codePointCount(0, candidate.length());
        List<String> problems = new ArrayList<>();
        String username = userInputs.isEmpty() || userInputs.getFirst() == null ? "" : userInputs.getFirst();
        ValidationResult result = rules.validate(new PasswordData(username, candidate));
        for (RuleResultDetail detail : result.getDetails()) {
            problems.add(switch (detail.getErrorCode()) {
                case LengthRule.ERROR_CODE_MIN ->
                        Messages.get(locale, "password.rule.too-short", properties.getMinLength(),
                                String.valueOf(length));
                case LengthRule.ERROR_CODE_MAX ->
                        Messages.get(locale, "password.rule.too-long", properties.getMaxLength(),
                                String.valueOf(length));
                default -> messages.resolve(detail);
            });
        }
        boolean tooLong = length > properties.getMaxLength();
        String lower = candidate.toLowerCase(Locale.ROOT);
        Set<String> inputs = meaningfulInputs(userInputs);
        boolean usernameRefused = result.getDetails().stream().anyMatch(d -> d.getErrorCode().startsWith("ILLEGAL_USER"));
        if (!tooLong && inputs.stream().skip(username.isEmpty() ? 0 : 1).anyMatch(lower::contains)
                && !usernameRefused) {
            problems.add(Messages.get(locale, "password.rule.personal"));
        }
        if (properties.isRefuseCommon() && common.contains(candidate)) {
            problems.add(Messages.get(locale, "password.rule.common"));
        }
        if (tooLong) {
            return new PasswordCheck(problems, 0, "", "", List.of());
        }
        Strength strength = zxcvbn.measure(prefix(candidate), List.copyOf(inputs));
        String warning = PasswordTexts.warning(strength.getFeedback(), locale);
        List<String> suggestions = PasswordTexts.suggestions(strength.getFeedback(), locale);
        if (strength.getScore() < properties.getMinScore() && !candidate.isEmpty()) {
            // The refusal carries zxcvbn's advice too, for paths without a meter (e.g. the bootstrap password).
            problems.add(Messages.get(locale, "password.rule.too-weak", strength.getScore(), properties.getMinScore())
                    + (warning == null || warning.isBlank() ? "" : " " + warning)
                    + (suggestions.isEmpty() ? "" : " " + String.join(" ", suggestions)));
        }
        return new PasswordCheck(problems, strength.getScore(),
                PasswordTexts.crackTime(strength.getCrackTimeSeconds().getOfflineSlowHashing1e4perSecond(), locale),
                warning, suggestions);
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
