package dev.portcullis.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash that chains history entries: SHA-256 over the entry's content and the previous entry's hash. Each value is
 * written with its length first, so no two different entries read the same ("ab"+"c" is not "a"+"bc").
 */
final class ChainHash {

    /** The "previous hash" of the very first entry. */
    static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    static String of(long id, Instant occurredAt, String username, String action, String entity, String objectId,
            String objectLabel, String detail, String changesJson, String previousHash) {
        StringBuilder canonical = new StringBuilder("portcullis-history-v1");
        for (String part : new String[] {Long.toString(id), occurredAt.toString(), username, action, entity, objectId,
            objectLabel, detail, changesJson, previousHash}) {
            canonical.append('|');
            if (part == null) {
                canonical.append("-1:");
            } else {
                canonical.append(part.length()).append(':').append(part);
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }

    static String of(HistoryEntry entry) {
        return of(entry.id(), entry.occurredAt(), entry.username(), entry.action().name(), entry.entity(),
                entry.objectId(), entry.objectLabel(), entry.detail(), entry.changesJson(), entry.previousHash());
    }
}
