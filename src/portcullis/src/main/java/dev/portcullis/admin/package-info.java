/**
 * The admin's API: {@link dev.portcullis.admin.AdminEntity @AdminEntity}, {@link dev.portcullis.admin.ModelAdmin},
 * actions, computed columns, permissions, menu and dashboard contributions, and the admin's properties and
 * auto-configuration.
 */
@NullMarked
package dev.portcullis.admin;

import org.jspecify.annotations.NullMarked;
