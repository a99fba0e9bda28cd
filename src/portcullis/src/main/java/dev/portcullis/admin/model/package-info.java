/**
 * The registered models as the admin sees them: {@link dev.portcullis.admin.model.AdminRegistry}, each {@link
 * dev.portcullis.admin.model.AdminModel} with its fields, columns and sort order, and the label of a row.
 */
@NullMarked
package dev.portcullis.admin.model;

import org.jspecify.annotations.NullMarked;
