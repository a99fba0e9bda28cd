/**
 * Internals of the admin: startup checks, page titles, the admin path, asset and URL helpers. Not API; may change
 * in any release.
 */
@NullMarked
package dev.portcullis.admin.internal;

import org.jspecify.annotations.NullMarked;
