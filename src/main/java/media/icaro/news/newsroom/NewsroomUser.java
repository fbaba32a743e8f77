package media.icaro.news.newsroom;

import io.quarkus.security.identity.SecurityIdentity;

import media.icaro.news.account.Roles;

/** The signed-in newsroom user, as the newsroom pages show them and their menu. */
public record NewsroomUser(String username, String displayName, boolean canPublish, boolean isAdmin) {

    public static NewsroomUser of(SecurityIdentity identity) {
        String displayName = identity.getAttribute("displayName");
        return new NewsroomUser(identity.getPrincipal().getName(),
                displayName == null ? identity.getPrincipal().getName() : displayName,
                identity.hasRole(Roles.EDITOR), identity.hasRole(Roles.ADMIN));
    }
}
