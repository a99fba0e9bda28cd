/**
 * Internals of the admin UI: fields, cells, bulk actions, inline rows, error views and the app shell. Not API.
 */
@NullMarked
package dev.portcullis.admin.ui.internal;

import org.jspecify.annotations.NullMarked;
