package dev.portcullis.auth.internal;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.portcullis.i18n.Messages;

/**
 * Why a session ended, stored as a short code ("signed-out", "ended-by") and shown in the reader's language.
 * Rows written before the codes (English text such as "ended by ana") stay readable: the known texts are read as
 * their codes, anything else is shown as stored.
 */
public final class SessionEndReasons {

    /** The user signed out. */
    public static final String SIGNED_OUT = "signed-out";
    /** No request for longer than the idle timeout. */
    public static final String IDLE_TIMEOUT = "idle-timeout";
    /** Signed in for longer than the absolute timeout. */
    public static final String ABSOLUTE_TIMEOUT = "absolute-timeout";
    /** The user was deactivated. */
    public static final String USER_DISABLED = "user-disabled";
    /** The user lost staff status. */
    public static final String NO_LONGER_STAFF = "no-longer-staff";
    /** An administrator ended it (who: {@code ended_by}). */
    public static final String ENDED_BY = "ended-by";
    /** The user changed their password in another session. */
    public static final String PASSWORD_CHANGED = "password-changed";
    /** An administrator set the user's password (who: {@code ended_by}). */
    public static final String PASSWORD_SET = "password-set";
    /** An administrator reset the user's two-factor sign-in (who: {@code ended_by}). */
    public static final String TWO_FACTOR_RESET = "two-factor-reset";

    /** The English texts stored before the codes, by code. */
    private static final Map<String, String> LEGACY = Map.of("signed out", SIGNED_OUT, "idle timeout", IDLE_TIMEOUT,
            "absolute timeout", ABSOLUTE_TIMEOUT, "user disabled", USER_DISABLED, "no longer staff", NO_LONGER_STAFF,
            "password changed", PASSWORD_CHANGED);
    private static final Map<String, String> LEGACY_PREFIXES = Map.of("ended by ", ENDED_BY, "password set by ",
            PASSWORD_SET, "two-factor sign-in reset by ", TWO_FACTOR_RESET);

    private SessionEndReasons() {
    }

    /** The reason in the current reader's language; empty for a session that goes on. */
    public static String label(@Nullable String reason, @Nullable String endedBy) {
        return label(Messages.currentLocale(), reason, endedBy);
    }

    /** The reason in {@code locale}: "signed out", "ended by ana", ...; unknown texts as stored. */
    public static String label(Locale locale, @Nullable String reason, @Nullable String endedBy) {
        if (reason == null || reason.isBlank()) {
            return "";
        }
        String code = reason;
        String by = endedBy;
        if (LEGACY.containsKey(reason)) {
            code = LEGACY.get(reason);
        }
        for (var prefix : LEGACY_PREFIXES.entrySet()) {
            if (reason.startsWith(prefix.getKey())) {
                code = prefix.getValue();
                by = by == null ? reason.substring(prefix.getKey().length()) : by;
            }
        }
        String who = by == null || by.isBlank() ? Messages.get(locale, "auth.session.end.someone") : by;
        return switch (code) {
            case SIGNED_OUT -> Messages.get(locale, "auth.session.end.signed-out");
            case IDLE_TIMEOUT -> Messages.get(locale, "auth.session.end.idle-timeout");
            case ABSOLUTE_TIMEOUT -> Messages.get(locale, "auth.session.end.absolute-timeout");
            case USER_DISABLED -> Messages.get(locale, "auth.session.end.user-disabled");
            case NO_LONGER_STAFF -> Messages.get(locale, "auth.session.end.no-longer-staff");
            case PASSWORD_CHANGED -> Messages.get(locale, "auth.session.end.password-changed");
            case ENDED_BY -> Messages.get(locale, "auth.session.end.ended-by", who);
            case PASSWORD_SET -> Messages.get(locale, "auth.session.end.password-set", who);
            case TWO_FACTOR_RESET -> Messages.get(locale, "auth.session.end.two-factor-reset", who);
            default -> reason;
        };
    }
}
