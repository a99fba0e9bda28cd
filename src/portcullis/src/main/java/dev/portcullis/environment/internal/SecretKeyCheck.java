package dev.portcullis.environment.internal;

import java.util.List;

import dev.portcullis.checks.CheckMessage;
import dev.portcullis.environment.SecretKeyProperties;

/** security.W040: the secret key is missing, a placeholder, too short or not random (the prod guard's rules). */
public final class SecretKeyCheck {

    private SecretKeyCheck() {
    }

    public static List<CheckMessage> run(SecretKeyProperties properties) {
        String weakness = ProductionGuard.weakness(properties.getSecretKey());
        if (weakness == null) {
            return List.of();
        }
        return List.of(CheckMessage.warning("security.W040", "portcullis.secret-key",
                "The secret key (portcullis.secret-key / PORTCULLIS_SECRET_KEY) " + weakness
                        + "; secrets stored with it are only as safe as the key.",
                "Set PORTCULLIS_SECRET_KEY to the output of 'openssl rand -base64 32' and keep it out of the repository."));
    }
}
