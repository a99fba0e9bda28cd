/**
 * Reading and writing rows with the signed-in user's rights: {@link dev.portcullis.admin.data.AdminEntityService},
 * list queries and pages, deletion previews and the exceptions a save or delete is refused with.
 */
@NullMarked
package dev.portcullis.admin.data;

import org.jspecify.annotations.NullMarked;
