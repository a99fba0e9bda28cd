/**
 * Two-factor sign-in: TOTP (RFC 6238) with a setup wizard, single-use recovery codes, a code step after the
 * password, and enforcement for the roles named in {@code portcullis.two-factor.required-for}.
 */
@NullMarked
package dev.portcullis.twofactor;

import org.jspecify.annotations.NullMarked;
