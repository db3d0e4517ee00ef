package dev.agenticore.core.profile;

import dev.agenticore.core.InvalidRequestException;
import java.util.stream.Collectors;

/** Chooses the profile for a request: the named one, or the default when none is named. */
public final class ProfileRouter {
    /** Name of the profile used when a request names none and no other default is configured. */
    public static final String DEFAULT_PROFILE = "code";

    private final ProfileCatalog catalog;
    private final String defaultProfile;

    /** Creates a router over a catalog with the given default profile name. */
    public ProfileRouter(ProfileCatalog catalog, String defaultProfile) {
        this.catalog = catalog;
        this.defaultProfile = defaultProfile == null || defaultProfile.isBlank() ? DEFAULT_PROFILE : defaultProfile;
    }

    /**
     * Returns the profile for a requested name; an empty name routes to the default profile.
     *
     * @throws InvalidRequestException naming {@code profile} and listing the available profiles
     *     when the profile does not exist
     */
    public Profile route(String requested) {
        String name = requested == null || requested.isBlank() ? defaultProfile : requested.trim();
        return catalog.find(name)
                .orElseThrow(() -> new InvalidRequestException(
                        "profile",
                        "profile '" + abbreviate(name) + "' does not exist; available profiles: " + available()));
    }

    private String available() {
        String names = catalog.list().stream().map(Profile::name).collect(Collectors.joining(", "));
        return names.isEmpty() ? "(none)" : names;
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }
}
