/**
 * Internals of the data layer: list criteria, predicates and keyset paging, commands, the deletion planner, history
 * recording and exports. Not API.
 */
@NullMarked
package dev.portcullis.admin.data.internal;

import org.jspecify.annotations.NullMarked;
