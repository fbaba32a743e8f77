package media.icaro.news.web;

import java.util.List;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateGlobal;

import media.icaro.news.section.SectionService;
import media.icaro.news.section.SectionView;
import media.icaro.news.sitepage.SitePageService;
import media.icaro.news.sitepage.SitePageView;
import media.icaro.news.site.SiteConfig;

/** What the one layout shows on every page: the site's name and language, and the section navigation. */
@TemplateGlobal
public final class Layout {

    private Layout() {
    }

    static String siteName() {
        return Arc.container().instance(SiteConfig.class).get().name();
    }

    static String siteLanguage() {
        return Arc.container().instance(SiteConfig.class).get().language();
    }

    /** Absolute base of canonical links, without a trailing slash. */
    static String siteBaseUrl() {
        return Arc.container().instance(SiteConfig.class).get().baseUrl();
    }

    /** Never fails: an error page must render even when the database does not answer. */
    static String siteTimeZone() {
        return Arc.container().instance(SiteConfig.class).get().timeZone().getId();
    }

    /** The stylesheet's content-hashed address. */
    static String stylesheet() {
        return Arc.container().instance(StaticAssets.class).get().url("site.css");
    }

    /** The newsroom's script, for the newsroom pages that use it (never a public page). */
    static String newsroomScript() {
        return Arc.container().instance(StaticAssets.class).get().url("newsroom.js");
    }

    static String iconSvg() {
        return Arc.container().instance(StaticAssets.class).get().url("icon.svg");
    }

    static String iconPng() {
        return Arc.container().instance(StaticAssets.class).get().url("icon-32.png");
    }

    /** The site's published pages (About, Privacy...), for the footer; none while the database is away. */
    static List<SitePageView> sitePages() {
        try {
            return Arc.container().instance(SitePageService.class).get().footer();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    static List<SectionView> navigation() {
        try {
            return Arc.container().instance(SectionService.class).get().navigation();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
