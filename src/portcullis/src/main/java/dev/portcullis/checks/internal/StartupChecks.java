package dev.portcullis.checks.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import dev.portcullis.checks.CheckLevel;
import dev.portcullis.checks.CheckMessage;

/**
 * Runs the checks once every bean exists and before the web server takes requests: every finding is logged, and
 * an ERROR from a check that is not a deploy check stops the start (deploy findings never do: they are advice for
 * the operator, shown in the security audit and by {@code check --deploy}). Deploy checks that read the database or
 * the network ({@link Check#external()}) are left to the audit and the command line: a start stays quick and makes
 * no outside calls.
 */
public final class StartupChecks implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(StartupChecks.class);

    private final CheckRegistry registry;

    public StartupChecks(CheckRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void afterSingletonsInstantiated() {
        CheckReport startup = registry.run(CheckRegistry.Scope.STARTUP);
        List<CheckMessage> serious = startup.findings().stream().filter(CheckMessage::isSerious).toList();
        if (!serious.isEmpty()) {
            throw new ChecksFailedException("Start-up checks found errors", serious);
        }
        CheckReport all = registry.run(CheckRegistry.Scope.OFFLINE);
        for (CheckMessage finding : all.findings()) {
            if (finding.level() == CheckLevel.INFO) {
                log.info("{}", finding);
            } else {
                log.warn("{}", finding);
            }
        }
        log.info("System check identified {} ({} silenced); checks of the database and the network run in the security"
                + " audit and by 'check --deploy'.", CheckReportText.issues(all.findings().size()), all.silenced());
    }
}
