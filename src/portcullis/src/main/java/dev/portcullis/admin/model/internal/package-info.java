/**
 * Internals of the model: resolving a {@code ModelAdmin} against the JPA metamodel and checking each option. Not
 * API.
 */
@NullMarked
package dev.portcullis.admin.model.internal;

import org.jspecify.annotations.NullMarked;
