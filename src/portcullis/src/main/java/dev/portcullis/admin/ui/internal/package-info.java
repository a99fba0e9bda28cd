/**
 * Internals of the admin UI: fields, cells, bulk actions, inline rows, error views, the app shell and the security
 * audit. Not API.
 */
@NullMarked
package dev.portcullis.admin.ui.internal;

import org.jspecify.annotations.NullMarked;
