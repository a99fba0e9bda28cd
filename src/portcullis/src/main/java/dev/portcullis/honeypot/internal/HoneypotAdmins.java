package dev.portcullis.honeypot.internal;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.portcullis.admin.AdminAction;
import dev.portcullis.i18n.Messages;
import dev.portcullis.admin.AdminOperation;
import dev.portcullis.admin.AdminPermissions;
import dev.portcullis.admin.ModelAdmin;

/**
 * The honeypot in the admin: attempts and the per-address summary to read, blocks to read and lift. Nobody adds,
 * edits or deletes any of it through the admin — enforced on the server by {@link #hasPermission}, like every
 * permission of the generic admin.
 */
public final class HoneypotAdmins {

    private HoneypotAdmins() {
    }

    static boolean viewOnly(AdminOperation operation, Authentication user, AdminPermissions defaults) {
        return operation == AdminOperation.VIEW && defaults.has(user, operation);
    }

    public static final class Attempts extends ModelAdmin<IntrusionAttempt> {

        public Attempts() {
            super(IntrusionAttempt.class);
        }

        @Override
        public String label() {
            return "Intrusion attempt";
        }

        @Override
        public String slug() {
            return "intrusion-attempt";
        }

        @Override
        public List<String> listDisplay() {
            return List.of("attemptedAt", "clientAddress", "username", "path", "method", "userAgent");
        }

        @Override
        public List<String> searchFields() {
            return List.of("clientAddress", "username", "path");
        }

        @Override
        public List<String> listFilter() {
            return List.of("attemptedAt");
        }

        @Override
        public List<String> ordering() {
            return List.of("-attemptedAt");
        }

        @Override
        public List<String> fields() {
            return List.of("attemptedAt", "clientAddress", "username", "path", "method", "userAgent", "alertedAt");
        }

        @Override
        public List<String> readonlyFields() {
            return fields();
        }

        @Override
        public String icon() {
            return "vaadin:bug";
        }

        @Override
        public int menuOrder() {
            return 940;
        }

        @Override
        public boolean hasPermission(AdminOperation operation, Authentication user, AdminPermissions defaults) {
            return viewOnly(operation, user, defaults);
        }
    }

    public static final class Summary extends ModelAdmin<IntrusionSummary> {

        public Summary() {
            super(IntrusionSummary.class);
        }

        @Override
        public String label() {
            return "Intrusion summary";
        }

        @Override
        public String pluralLabel() {
            return "Intrusions by address";
        }

        @Override
        public String slug() {
            return "intrusion-summary";
        }

        /** A summary row is its address: "203.0.113.7", not "Intrusion summary #203.0.113.7". */
        @Override
        public String labelAttribute() {
            return "clientAddress";
        }

        @Override
        public List<String> listDisplay() {
            return List.of("clientAddress", "attempts", "firstSeen", "lastSeen", "blockedUntil");
        }

        @Override
        public List<String> searchFields() {
            return List.of("clientAddress");
        }

        @Override
        public List<String> listFilter() {
            return List.of("lastSeen");
        }

        @Override
        public List<String> ordering() {
            return List.of("-lastSeen");
        }

        @Override
        public List<String> readonlyFields() {
            return List.of("clientAddress", "attempts", "firstSeen", "lastSeen", "blockedUntil");
        }

        @Override
        public String icon() {
            return "vaadin:chart";
        }

        @Override
        public int menuOrder() {
            return 941;
        }

        @Override
        public boolean hasPermission(AdminOperation operation, Authentication user, AdminPermissions defaults) {
            return viewOnly(operation, user, defaults);
        }
    }

    public static final class Blocks extends ModelAdmin<HoneypotBlock> {

        private final HoneypotService service;

        public Blocks(HoneypotService service) {
            super(HoneypotBlock.class);
            this.service = service;
        }

        @Override
        public String label() {
            return "Honeypot block";
        }

        @Override
        public String slug() {
            return "honeypot-block";
        }

        /** "203.0.113.7, blocked 2026-12-02 15:04 UTC": an address is blocked again and again, so the time tells. */
        @Override
        public String toLabel(HoneypotBlock block) {
            return block.getBlockedAt() == null ? block.getClientAddress() : Messages.get("honeypot.block.label",
                    block.getClientAddress(), java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'",
                            java.util.Locale.ROOT).withZone(java.time.ZoneOffset.UTC).format(block.getBlockedAt()));
        }

        @Override
        public List<String> listDisplay() {
            return List.of("clientAddress", "blockedAt", "blockedUntil", "attempts", "liftedAt", "liftedBy");
        }

        @Override
        public List<String> searchFields() {
            return List.of("clientAddress");
        }

        @Override
        public List<String> listFilter() {
            return List.of("blockedAt");
        }

        @Override
        public List<String> ordering() {
            return List.of("-blockedAt");
        }

        @Override
        public List<String> readonlyFields() {
            return List.of("clientAddress", "blockedAt", "blockedUntil", "attempts", "liftedAt", "liftedBy");
        }

        @Override
        public String icon() {
            return "vaadin:ban";
        }

        @Override
        public int menuOrder() {
            return 942;
        }

        @Override
        public List<AdminAction<HoneypotBlock>> actions() {
            return List.of(new AdminAction<>("lift", Messages.get("honeypot.action.lift"), "honeypot-block:change", blocks -> {
                String by = SecurityContextHolder.getContext().getAuthentication().getName();
                long open = blocks.stream().filter(block -> block.getLiftedAt() == null).count();
                blocks.stream().filter(block -> block.getLiftedAt() == null)
                        .forEach(block -> service.lift(block.getId(), by));
                return Messages.get("honeypot.action.lifted", open);
            }));
        }

        @Override
        public boolean hasPermission(AdminOperation operation, Authentication user, AdminPermissions defaults) {
            return viewOnly(operation, user, defaults);
        }
    }
}
