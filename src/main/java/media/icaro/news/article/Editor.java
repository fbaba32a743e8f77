package media.icaro.news.article;

import io.quarkus.security.identity.SecurityIdentity;

import media.icaro.news.account.Roles;

/** Who is writing: contributors save drafts of their own; editors and admins publish anything. */
public record Editor(String username, boolean canPublish) {

    /** Scheduled publishing and first-start content. */
    public static final Editor SYSTEM = new Editor("system", true);

    public static Editor of(SecurityIdentity identity) {
        return new Editor(identity.getPrincipal().getName(), identity.hasRole(Roles.EDITOR));
    }
}
