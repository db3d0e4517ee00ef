package dev.agenticore.github;

import dev.agenticore.core.workspace.CodeHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The owner and name of a GitHub repository, parsed from its clone URL.
 *
 * @param owner user or organization login
 * @param name repository name without {@code .git}
 */
public record GitHubRepository(String owner, String name) {

    /** {@code http(s)://[user@]host[:port]/owner/name[.git][/]} and {@code ssh://[user@]host[:port]/owner/name[.git]}. */
    private static final Pattern URL_FORM = Pattern.compile(
            "(?:https?|ssh)://(?:[^@/]+@)?[^@/]+/([^/]+)/([^/]+?)(?:\\.git)?/?", Pattern.CASE_INSENSITIVE);

    /** The scp-like form {@code user@host:owner/name[.git]} that git accepts for SSH. */
    private static final Pattern SCP_FORM = Pattern.compile("[A-Za-z0-9._-]+@[^@/:]+:([^/]+)/([^/]+?)(?:\\.git)?/?");

    /** GitHub logins: letters, digits and single hyphens, at most 39 characters. */
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    /**
     * Parses {@code https://host/owner/name[.git][/]}, {@code ssh://git@host/owner/name.git} and
     * {@code git@host:owner/name[.git]}, on github.com or any other host such as a GitHub Enterprise Server.
     *
     * @throws CodeHostException {@code not a GitHub repository URL: …} for any other form, with credentials in the
     *     URL replaced by {@code ***}
     */
    public static GitHubRepository parse(String repoUrl) {
        String url = repoUrl == null ? "" : repoUrl.strip();
        Matcher matcher = URL_FORM.matcher(url);
        if (!matcher.matches()) {
            matcher = SCP_FORM.matcher(url);
        }
        if (!matcher.matches()) {
            throw invalid(repoUrl);
        }
        String owner = matcher.group(1);
        String name = matcher.group(2);
        if (!OWNER.matcher(owner).matches() || !NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw invalid(repoUrl);
        }
        return new GitHubRepository(owner, name);
    }

    /** Returns {@code owner/name}. */
    public String fullName() {
        return owner + "/" + name;
    }

    /** Returns the REST API path of the repository, for example {@code /repos/acme/widgets}. */
    String apiPath() {
        return "/repos/" + owner + "/" + name;
    }

    private static CodeHostException invalid(String repoUrl) {
        String redactedUrl = repoUrl == null ? "null" : repoUrl.replaceAll("//[^@/]*@", "//***@");
        return new CodeHostException("not a GitHub repository URL: " + redactedUrl
                + " (expected https://host/owner/name, ssh://git@host/owner/name.git or git@host:owner/name.git)");
    }
}
