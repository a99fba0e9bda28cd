package com.example.outsider;

import dev.portcullis.admin.model.internal.Names;

/**
 * A deliberate offender for {@code ArchitectureTest}: host code that reaches into a framework internal. The
 * boundary rule must report it; the check over the real host code leaves this package out.
 */
final class ReachesIntoInternals {

    String label() {
        return Names.humanize("publishedOn");
    }
}
