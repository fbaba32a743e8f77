package media.icaro.news.newsroom;

import org.jboss.resteasy.reactive.RestForm;

/** The new-user form as typed; a form with errors comes back with everything kept but the password. */
public class UserForm {

    @RestForm
    public String username = "";
    @RestForm
    public String displayName = "";
    @RestForm
    public String role = "CONTRIBUTOR";
    @RestForm
    public String password = "";
}
