/** Several nodes on one database: job claims, node heartbeats and the cluster deploy checks. */
@NullMarked
package dev.portcullis.cluster;

import org.jspecify.annotations.NullMarked;
