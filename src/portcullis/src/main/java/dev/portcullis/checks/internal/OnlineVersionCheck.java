package dev.portcullis.checks.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.portcullis.checks.CheckMessage;

/**
 * The optional online part of tip 6: asks Maven Central ({@code maven-metadata.xml}) for the newest releases of the
 * libraries we run on. Off by default ({@code portcullis.checks.online-versions}); when off it says so, so nobody
 * takes the bundled table for a live answer.
 */
public final class OnlineVersionCheck {

    private static final Pattern VERSION = Pattern.compile("<version>([^<]+)</version>");
    private static final Pattern STABLE = Pattern.compile("\\d+(\\.\\d+)*(\\.Final)?");

    /** Maven coordinates (path in the repository) of each product we can look up. */
    static final Map<VersionChecks.Product, String> ARTIFACTS = Map.of(
            VersionChecks.SPRING_BOOT, "org/springframework/boot/spring-boot",
            VersionChecks.SPRING_SECURITY, "org/springframework/security/spring-security-core",
            VersionChecks.VAADIN, "com/vaadin/vaadin-core",
            VersionChecks.HIBERNATE, "org/hibernate/orm/hibernate-core");

    private final boolean enabled;
    private final String repository;
    private final HttpClient http;

    public OnlineVersionCheck(boolean enabled, String repository) {
        this.enabled = enabled;
        this.repository = repository;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public List<CheckMessage> run(Map<VersionChecks.Product, Supplier<Optional<String>>> running) {
        if (!enabled) {
            return List.of(CheckMessage.info("versions.I010", "portcullis.checks.online-versions",
                    "The online version check is off: versions are compared with the support table bundled in this"
                            + " build only.",
                    "Set portcullis.checks.online-versions=true to also ask Maven Central for newer releases."));
        }
        List<CheckMessage> findings = new ArrayList<>();
        for (Map.Entry<VersionChecks.Product, String> artifact : ARTIFACTS.entrySet()) {
            VersionChecks.Product product = artifact.getKey();
            Optional<String> version = running.get(product).get().map(v -> v.replaceAll("(?i)\\.final$", ""));
            if (version.isEmpty()) {
                continue;
            }
            try {
                findings.addAll(compare(product, version.get(), published(artifact.getValue())));
            } catch (IOException | RuntimeException e) {
                findings.add(CheckMessage.warning("versions.W011", repository,
                        "Could not read the published versions of " + product.name() + ": " + e.getMessage(),
                        "Allow outgoing HTTPS to the repository, or set portcullis.checks.online-versions=false."));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return findings;
    }

    /** Stable releases listed in the artifact's metadata. */
    List<String> published(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(repository + "/" + path + "/maven-metadata.xml"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + request.uri());
        }
        List<String> versions = new ArrayList<>();
        Matcher matcher = VERSION.matcher(response.body());
        while (matcher.find()) {
            if (STABLE.matcher(matcher.group(1)).matches()) {
                versions.add(matcher.group(1).replaceAll("(?i)\\.final$", ""));
            }
        }
        return versions;
    }

    static List<CheckMessage> compare(VersionChecks.Product product, String running, List<String> published) {
        String line = running.substring(0, running.lastIndexOf('.') < 0 ? running.length() : running.lastIndexOf('.'));
        Optional<String> newestPatch = published.stream().filter(v -> v.startsWith(line + "."))
                .max(SupportTable::compare);
        Optional<String> newest = published.stream().max(SupportTable::compare);
        List<CheckMessage> findings = new ArrayList<>();
        if (newestPatch.isPresent() && SupportTable.compare(running, newestPatch.get()) < 0) {
            findings.add(CheckMessage.warning("versions.W012", product.name() + " " + running,
                    product.name() + " " + newestPatch.get() + " is on Maven Central; this runs " + running + ".",
                    "Upgrade to " + newestPatch.get() + ": patch releases carry the security fixes."));
        }
        if (newest.isPresent() && SupportTable.compare(line, newest.get()) < 0
                && !newest.get().startsWith(line + ".")) {
            findings.add(CheckMessage.info("versions.I012", product.name() + " " + running,
                    "A newer release line of " + product.name() + " is out: " + newest.get() + ".",
                    "Plan the upgrade before support for " + line + " ends."));
        }
        findings.sort(Comparator.comparing(CheckMessage::id));
        return findings;
    }
}
