/**
 * The live checkup (an Observatory-style scan of the running site): its properties.
 */
@NullMarked
package dev.portcullis.checks.checkup;

import org.jspecify.annotations.NullMarked;
