package media.icaro.news.account;

/** Security role names, for {@code @RolesAllowed}. */
public final class Roles {

    public static final String CONTRIBUTOR = "contributor";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
