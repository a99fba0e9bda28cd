/**
 * Internals of two-factor sign-in: TOTP, recovery and text-message codes, enrolment, reset and their views. Not
 * API.
 */
@NullMarked
package dev.portcullis.twofactor.internal;

import org.jspecify.annotations.NullMarked;
