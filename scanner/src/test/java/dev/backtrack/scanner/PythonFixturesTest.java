package dev.backtrack.scanner;

import static dev.backtrack.scanner.Fixtures.row;
import static dev.backtrack.scanner.Fixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PythonFixturesTest {
  @Test
  void fastApiStitchesRouterPrefixesAcrossModules() {
    String users = "app/routers/users.py";
    assertThat(rows("fastapi"))
        .containsExactly(
            row("GET", "/", "app/main.py", 9),
            row("GET", "/ping", "app/main.py", 14),
            row("HEAD", "/ping", "app/main.py", 14),
            row("GET", "/metrics", "app/main.py", 31),
            row("GET", "/api/v1/items/{item_id}", "app/routers/items.py", 6),
            row("GET", "/api/users/{user_id}", users, 7),
            row("POST", "/api/users", users, 12),
            row("PUT", "/api/users", users, 13),
            row("DELETE", "/api/users/{user_id}", users, 18),
            row("GET", "/api/users/admin/stats", users, 29));
  }

  @Test
  void fastApiHandlersAreTheDecoratedFunctions() {
    assertThat(Fixtures.scan("fastapi").endpoints())
        .extracting(Endpoint::handler)
        .containsExactly(
            "root", "ping", "ping", "metrics", "read_item", "get_user", "save_user", "save_user",
            "delete_user", "stats");
  }

  @Test
  void djangoFollowsNestedIncludesAndJoinsPrefixes() {
    String site = "mysite/urls.py";
    assertThat(rows("django"))
        .containsExactly(
            row("ANY", "/api/v1/nested/deep/{*}", "api/nested_urls.py", 5),
            row("ANY", "/api/v1/users/{pk}", "api/urls.py", 6),
            row("ANY", "/blog", "blog/urls.py", 7),
            row("ANY", "/blog/{slug}", "blog/urls.py", 8),
            row("ANY", "/blog/{year}/{month}", "blog/urls.py", 9),
            row("ANY", "/extra/reports", site, 7),
            row("ANY", "/extra/charges/{charge_id}", site, 8),
            row("ANY", "/admin", site, 12),
            row("ANY", "/", site, 13),
            row("ANY", "/inline/one", site, 18),
            row("ANY", "/legacy/{slug}", site, 20),
            row("ANY", "/health", site, 22));
  }

  @Test
  void djangoClassBasedViewsAreNamedWithoutAsView() {
    assertThat(Fixtures.scan("django").endpoints())
        .filteredOn(e -> e.file().equals("blog/urls.py"))
        .extracting(Endpoint::handler)
        .containsExactly("views.PostListView", "views.PostDetailView", "views.archive");
    assertThat(Fixtures.scan("django").endpoints())
        .extracting(Endpoint::framework)
        .containsOnly("django");
  }
}
