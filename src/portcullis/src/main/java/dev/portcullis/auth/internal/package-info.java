/**
 * Internals of sign-in: throttling and lockout, sessions, sign-in and password views, the bootstrap admin and
 * checks. Not API.
 */
@NullMarked
package dev.portcullis.auth.internal;

import org.jspecify.annotations.NullMarked;
