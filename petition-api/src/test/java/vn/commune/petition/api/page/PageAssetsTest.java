package vn.commune.petition.api.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import vn.commune.petition.api.PetitionServiceTest;
import vn.commune.petition.api.RawHttp;

/**
 * The pages' assets are served under their content's hash and kept a year, and only their paths are
 * assets: a page's own links are never looked up among them.
 */
@PetitionServiceTest
class PageAssetsTest {

    @LocalServerPort
    int port;

    @Autowired
    ResourceUrlProvider assets;

    @Test
    void only_the_assets_paths_are_looked_up_as_assets() {
        assertThat(assets.getHandlerMap().keySet()).as("Swagger UI's own assets aside")
                .contains("/css/**", "/js/**", "/webjars/**", "/favicon.svg").doesNotContain("/**");
        assertThat(assets.getForLookupPath("/petitions/7f1c2a4e-0000-4000-8000-000000000001"))
                .as("a page's link is not an asset").isNull();
    }

    @Test
    void the_stylesheet_and_script_are_named_by_their_content_htmx_by_its_version_and_all_kept_a_year() {
        String page = RawHttp.request("GET", "/login").send(port).body();
        for (String asset : new String[] {"/css/pages-[0-9a-f]{32}\\.css", "/js/pages-[0-9a-f]{32}\\.js",
                "/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min\\.js", "/favicon\\.svg"}) {
            Matcher link = Pattern.compile("\"(" + asset + ")\"").matcher(page);
            assertThat(link.find()).as("the sign-in page links %s", asset).isTrue();
            RawHttp.Response served = RawHttp.request("GET", link.group(1)).send(port);
            assertThat(served.status()).as(link.group(1)).isEqualTo(200);
            assertThat(served.header("Cache-Control")).as(link.group(1)).isEqualTo("max-age=31536000, public");
        }
    }
}
