/**
 * The admin's routes a host application may link to or lay out its own views in: the dashboard, the list and form
 * of a model, the main layout and the page for a missing row.
 */
@NullMarked
package dev.portcullis.admin.ui;

import org.jspecify.annotations.NullMarked;
