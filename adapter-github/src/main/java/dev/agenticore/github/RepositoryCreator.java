package dev.agenticore.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agenticore.core.workspace.CodeHostException;
import dev.agenticore.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates one repository through the REST API, first as an organization repository, then as a user repository. */
final class RepositoryCreator {

    private static final Logger LOG = LoggerFactory.getLogger(RepositoryCreator.class);

    private final GitHubApi api;
    private final GitHubRepository repository;
    private final ObjectNode body;

    RepositoryCreator(GitHubApi api, GitHubRepository repository, boolean privateRepository) {
        this.api = api;
        this.repository = repository;
        this.body = Json.mapper()
                .createObjectNode()
                .put("name", repository.name())
                .put("private", privateRepository)
                .put("auto_init", true);
    }

    /**
     * Sends {@code POST /orgs/{owner}/repos} and, when GitHub returns 404 because the owner is a user, {@code POST
     * /user/repos}.
     *
     * @return the last response, for {@link #finish} or a retry with another token
     */
    GitHubApi.Response create(String token) {
        GitHubApi.Response response = api.send("POST", "/orgs/" + repository.owner() + "/repos", token, body);
        if (response.status() != 404) {
            return response;
        }
        LOG.debug("{} is not an organization, creating {} as a user repository", repository.owner(), repository.name());
        return api.send("POST", "/user/repos", token, body);
    }

    /**
     * Accepts 201 and a 422 that reports the name as taken, and throws for anything else.
     *
     * @throws CodeHostException with GitHub's status and message, or when {@code POST /user/repos} created the
     *     repository under an account other than the URL's owner
     */
    void finish(GitHubApi.Response response) {
        if (response.status() == 201) {
            String fullName = response.body().path("full_name").asText(repository.fullName());
            LOG.info("Created GitHub repository {}", fullName);
            if (!fullName.equalsIgnoreCase(repository.fullName())) {
                throw new CodeHostException("GitHub created the repository as " + fullName + " instead of "
                        + repository.fullName() + ": the token belongs to another account than " + repository.owner());
            }
            return;
        }
        if (response.is(422, "already exists")) {
            LOG.info("GitHub repository {} already exists", repository.fullName());
            return;
        }
        throw GitHubApi.failure("creating the repository " + repository.fullName(), response);
    }
}
