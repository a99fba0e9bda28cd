package dev.portcullis.honeypot;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The language the recipient of a honeypot alert reads: the e-mail is written in it, English when it is unknown.
 * The default looks the address up among the admin's users and takes their stored language, once users have one; an
 * application may declare its own bean.
 */
@FunctionalInterface
public interface AlertLanguage {

    /** The language of the person at {@code emailAddress}, or null when it is not known. */
    @Nullable
    Locale of(String emailAddress);
}
