/**
 * Internals of the migrations: running them and moving an old single history table over. Not API.
 */
@NullMarked
package dev.portcullis.migration.internal;

import org.jspecify.annotations.NullMarked;
