package dev.portcullis.checks.internal;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntConsumer;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import dev.portcullis.checks.CheckLevel;

/**
 * {@code java -jar app.jar check [--deploy] [--fail-level WARNING] [--tag security] [--json]}, or
 * {@code check --checkup https://shop.example.com}: runs the checks (or the live checkup)
 * without a web server, prints them as Django does and exits 1 when a finding reaches the fail level (default
 * ERROR), 0 otherwise, so a deploy pipeline can stop a bad release. Runs before every other runner and exits, so
 * nothing else (such as creating the first user) happens.
 */
public final class CheckCommand implements ApplicationRunner, Ordered {

    static final String COMMAND = "check";

    private final CheckRegistry registry;
    private final PrintStream out;
    private final IntConsumer exit;
    private final java.util.function.Function<String, CheckupResult> checkup;

    public CheckCommand(CheckRegistry registry, PrintStream out, IntConsumer exit,
            java.util.function.Function<String, CheckupResult> checkup) {
        this.registry = registry;
        this.out = out;
        this.exit = exit;
        this.checkup = checkup;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void run(ApplicationArguments args) {
        Options options;
        try {
            options = Options.parse(args.getSourceArgs());
        } catch (IllegalArgumentException wrong) {
            out.println(wrong.getMessage());
            out.println(Options.USAGE);
            exit.accept(2);
            return;
        }
        if (options.checkup() != null) {
            CheckupResult result = checkup.apply(options.checkup());
            out.print(result.describe());
            out.flush();
            exit.accept(result.findings().stream().anyMatch(f -> f.level().compareTo(options.failLevel()) >= 0)
                    || result.grade().equals("F") ? 1 : 0);
            return;
        }
        CheckReport report = registry.run(options.deploy() ? CheckRegistry.Scope.DEPLOY : CheckRegistry.Scope.STARTUP,
                options.tags());
        out.print(options.json() ? CheckReportJson.format(report) : CheckReportText.format(report));
        out.flush();
        exit.accept(report.reaches(options.failLevel()) ? 1 : 0);
    }

    /** What the command line asked for. */
    record Options(boolean deploy, CheckLevel failLevel, Set<String> tags, boolean json, String checkup) {

        static final String USAGE = "Usage: check [--deploy] [--fail-level INFO|WARNING|ERROR|CRITICAL]"
                + " [--tag TAG]... [--json] | check --checkup URL";

        static Options parse(String... args) {
            boolean deploy = false;
            boolean json = false;
            String checkup = null;
            CheckLevel failLevel = CheckLevel.ERROR;
            Set<String> tags = new LinkedHashSet<>();
            List<String> list = List.of(args);
            int start = list.indexOf(COMMAND);
            for (int i = start + 1; i < list.size(); i++) {
                String arg = list.get(i);
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                switch (name) {
                    case "--deploy" -> deploy = true;
                    case "--json" -> json = true;
                    case "--fail-level", "--tag", "--checkup" -> {
                        String value;
                        if (arg.contains("=")) {
                            value = arg.substring(arg.indexOf('=') + 1);
                        } else if (i + 1 < list.size()) {
                            value = list.get(++i);
                        } else {
                            throw new IllegalArgumentException(name + " needs a value.");
                        }
                        if (name.equals("--tag")) {
                            tags.add(value);
                        } else if (name.equals("--checkup")) {
                            checkup = value;
                        } else {
                            failLevel = level(value);
                        }
                    }
                    default -> {
                        if (arg.startsWith("--")) {
                            continue; // a Spring property such as --spring.profiles.active=prod
                        }
                        throw new IllegalArgumentException("Unknown argument '" + arg + "'.");
                    }
                }
            }
            return new Options(deploy, failLevel, Set.copyOf(tags), json, checkup);
        }

        private static CheckLevel level(String value) {
            try {
                return CheckLevel.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("--fail-level must be one of INFO, WARNING, ERROR, CRITICAL, not '"
                        + value + "'.");
            }
        }
    }
}
