package dev.portcullis.honeypot.internal;

import dev.portcullis.perimeter.AccessGuard;

/** Keeps blocked addresses away from the real admin, or from the whole site when so configured. */
public final class HoneypotGuard implements AccessGuard {

    private final HoneypotService service;
    private final boolean wholeSite;

    public HoneypotGuard(HoneypotService service, boolean wholeSite) {
        this.service = service;
        this.wholeSite = wholeSite;
    }

    @Override
    public boolean refusesAdmin(String clientAddress) {
        return service.isBlocked(clientAddress);
    }

    @Override
    public boolean refusesSite(String clientAddress) {
        return wholeSite && service.isBlocked(clientAddress);
    }
}
