package media.icaro.news.article;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import media.icaro.news.web.Slugs;

/** What an editor, the API or first start submits to create an article. */
public record ArticleDraft(
        @NotBlank(message = "Write a headline") @Size(max = 200, message = "Keep the headline within 200 characters") String headline,
        @Pattern(regexp = Slugs.PATTERN, message = "Use lower-case letters, digits and hyphens") @Size(max = 200) String slug,
        @Size(max = 1000, message = "Keep the standfirst within 1000 characters") String standfirst,
        @NotBlank(message = "Write the body") String body,
        @NotBlank(message = "Choose a section") String section,
        @NotNull Article.Kind kind,
        @NotNull Article.Status status,
        Instant publishedAt,
        @NotNull List<@NotBlank String> bylines,
        @NotNull List<@NotBlank String> tags,
        @NotNull Article.DisclaimerMode disclaimerMode,
        @Size(max = 1000) String disclaimerText,
        @Size(max = 200) String source,
        @NotNull List<Long> pinnedRelated) {
}
