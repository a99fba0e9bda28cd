package dev.portcullis.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The check registry ({@code portcullis.checks.*}): which findings to silence, and the online version check. */
@ConfigurationProperties("portcullis.checks")
public class ChecksProperties {

    static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*\\.[IWEC]\\d{3}");

    /** Run the checks at start-up (errors stop the start, warnings are logged); off reported as security.W083. */
    private boolean startupEnabled = true;

    /** Ids of findings to leave out of every report, such as {@code security.W046}; each silenced one is counted. */
    private List<String> silenced = new ArrayList<>();

    /** Ask Maven Central for the newest releases of our dependencies (the audit view and the CLI); off by default. */
    private boolean onlineVersions = false;

    /** Where the online version check reads {@code maven-metadata.xml} files from. */
    private String mavenRepository = "https://repo.maven.apache.org/maven2";

    /**
     * Where the check documentation lives (the README's "Security audit and checkup" section as published for your
     * team); the audit view links each finding there. Unset: no links.
     */
    private String docsUrl;

    public String getDocsUrl() {
        return docsUrl;
    }

    public void setDocsUrl(String docsUrl) {
        if (docsUrl != null && !docsUrl.isBlank() && !docsUrl.startsWith("https://") && !docsUrl.startsWith("http://")
                && !docsUrl.startsWith("/")) {
            throw new IllegalArgumentException("'portcullis.checks.docs-url' must be an http(s) URL or a path");
        }
        this.docsUrl = docsUrl == null || docsUrl.isBlank() ? null : docsUrl;
    }

    public List<String> getSilenced() {
        return silenced;
    }

    public void setSilenced(List<String> silenced) {
        for (String id : silenced) {
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("'portcullis.checks.silenced' contains '" + id
                        + "', which is not a check id such as security.W046");
            }
        }
        this.silenced = List.copyOf(silenced);
    }

    public boolean isOnlineVersions() {
        return onlineVersions;
    }

    public void setOnlineVersions(boolean onlineVersions) {
        this.onlineVersions = onlineVersions;
    }

    public String getMavenRepository() {
        return mavenRepository;
    }

    public void setMavenRepository(String mavenRepository) {
        if (!mavenRepository.startsWith("https://") && !mavenRepository.startsWith("http://")) {
            throw new IllegalArgumentException("'portcullis.checks.maven-repository' must be an http(s) URL");
        }
        this.mavenRepository = mavenRepository.endsWith("/")
                ? mavenRepository.substring(0, mavenRepository.length() - 1) : mavenRepository;
    }

    public boolean isStartupEnabled() {
        return startupEnabled;
    }

    public void setStartupEnabled(boolean startupEnabled) {
        this.startupEnabled = startupEnabled;
    }
}
