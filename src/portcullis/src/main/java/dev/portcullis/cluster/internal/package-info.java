/** Implementation of the cluster feature; not API. */
@NullMarked
package dev.portcullis.cluster.internal;

import org.jspecify.annotations.NullMarked;
