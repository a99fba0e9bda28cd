package dev.portcullis.password.internal;

import java.util.ArrayList;
import java.util.List;

import dev.portcullis.checks.CheckMessage;
import dev.portcullis.password.PasswordPolicyProperties;

/** Deploy checks of the password policy against OWASP ASVS 4 (V2.1). */
public final class PasswordPolicyChecks {

    /** ASVS 2.1.1 asks for at least 12 characters. */
    static final int ASVS_MIN_LENGTH = 12;

    /** zxcvbn 3: "safely unguessable: moderate protection from offline slow-hash scenario". */
    static final int MIN_SCORE = 3;

    private PasswordPolicyChecks() {
    }

    public static List<CheckMessage> run(PasswordPolicyProperties policy) {
        List<CheckMessage> findings = new ArrayList<>();
        if (policy.getMinLength() < ASVS_MIN_LENGTH) {
            findings.add(CheckMessage.warning("security.W047", "portcullis.password.min-length",
                    "Passwords may be as short as " + policy.getMinLength() + " characters; ASVS 2.1.1 asks for 12.",
                    "Set portcullis.password.min-length=12 or more."));
        }
        if (policy.getMinScore() < MIN_SCORE) {
            findings.add(CheckMessage.warning("security.W048", "portcullis.password.min-score",
                    "Passwords need only a zxcvbn score of " + policy.getMinScore() + "; below 3 they fall to an"
                            + " offline guessing attack.",
                    "Set portcullis.password.min-score=3 or 4."));
        }
        if (!policy.isRefuseCommon()) {
            findings.add(CheckMessage.warning("security.W049", "portcullis.password.refuse-common",
                    "Common passwords are accepted (portcullis.password.refuse-common=false); ASVS 2.1.7 asks to"
                            + " refuse breached and common ones.",
                    "Set portcullis.password.refuse-common=true."));
        }
        return findings;
    }
}
