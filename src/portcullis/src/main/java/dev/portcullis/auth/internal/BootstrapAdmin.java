package dev.portcullis.auth.internal;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import dev.portcullis.auth.AdminUserService;
import dev.portcullis.auth.BootstrapProperties;
import dev.portcullis.auth.PasswordRejectedException;

/**
 * Creates the first staff user when none exists. Several nodes may start at once: the unique username lets
 * exactly one of them win, and the others carry on.
 */
public class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    /** No 0/O, 1/l/I: the password is read off a log and typed by a person. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    public static final int GENERATED_LENGTH = 24;

    private final AdminUserService users;
    private final BootstrapProperties properties;
    private final SecureRandom random;

    public BootstrapAdmin(AdminUserService users, BootstrapProperties properties, SecureRandom random) {
        this.users = users;
        this.properties = properties;
        this.random = random;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.anyStaffUserExists()) {
            return;
        }
        String username = properties.getUsername();
        try {
            if (properties.getPassword() != null) {
                // A password that sits in an environment (a deployment file, a CI secret, a shell history) is known
                // to more than its user: like a generated one, it is replaced at first sign-in unless the operator
                // says otherwise.
                boolean keep = properties.isKeepEnvironmentPassword();
                users.createSuperuser(username, properties.getPassword(), !keep);
                if (keep) {
                    log.warn("Created the first staff user '{}' with the password from PORTCULLIS_BOOTSTRAP_PASSWORD,"
                            + " and, as portcullis.bootstrap.keep-environment-password=true asks, without a forced"
                            + " change at first sign-in. Choose a new password soon and remove that variable from the"
                            + " environment.", username);
                } else {
                    log.warn("Created the first staff user '{}' with the password from PORTCULLIS_BOOTSTRAP_PASSWORD;"
                            + " it must be changed at first sign-in. Remove that variable from the environment now.",
                            username);
                }
            } else {
                String password = generatePassword();
                users.createSuperuser(username, password, true);
                // Printed exactly once, by design: the only way to hand over a random first password. It must be
                // changed at first sign-in, so the logged value is useless afterwards.
                log.warn("""

                        ==================================================================
                          Created the first staff user.
                            username: {}
                            one-time password: {}
                          You must choose a new password at first sign-in.
                        ==================================================================""", username, password);
            }
        } catch (DataIntegrityViolationException raced) {
            log.info("Another node created the first staff user at the same time; nothing to do");
        } catch (PasswordRejectedException rejected) {
            throw new IllegalStateException("PORTCULLIS_BOOTSTRAP_PASSWORD does not satisfy the password policy: "
                    + rejected.getMessage() + " Set a stronger one, or unset it to have a random one generated.");
        }
    }

    String generatePassword() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
