/**
 * The framework's words in the user's language: {@link dev.portcullis.i18n.Messages} reads them from one resource
 * bundle per feature ({@code dev/portcullis/i18n/<feature>.properties}, English, with {@code _de} beside it).
 */
@NullMarked
package dev.portcullis.i18n;

import org.jspecify.annotations.NullMarked;
