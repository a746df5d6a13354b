package dev.backtrack.vertx.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Route names as Vert.x Web reports them, folded into canonical templates. */
class RouteTrailTest {
  private static String template(int status, String... names) {
    RouteTrail trail = new RouteTrail();
    for (String name : names) {
      trail.routed(name);
    }
    return trail.template(status);
  }

  @Test
  void runsItsEndActionOnceWhetherTheResponseEndsOrTheRequestIsReset() {
    RouteTrail trail = new RouteTrail();
    int[] runs = new int[1];
    trail.ended(); // nothing registered yet: nothing to run
    trail.onEnd(() -> runs[0]++);
    trail.ended();
    trail.ended(); // a reset after the response ended
    assertThat(runs[0]).isEqualTo(1);
  }

  @Test
  void joinsMountPointsOfSubRoutersToTheRouteThatAnswered() {
    assertThat(template(200, null, "/api/", "/users/:id")).isEqualTo("/api/users/{id}");
    assertThat(template(200, null, "/api/", "/v2/", "/items/:itemId/parts/"))
        .isEqualTo("/api/v2/items/{itemId}/parts/{*}");
  }

  @Test
  void remembersEachTemplateOncePerMountPoint() {
    String first = template(200, "/shop/", "/items/:id");
    assertThat(template(200, "/shop/", "/items/:id")).isSameAs(first).isEqualTo("/shop/items/{id}");
    assertThat(template(200, "/admin/", "/items/:id")).isEqualTo("/admin/items/{id}");
    assertThat(template(200, "/items/:id")).isEqualTo("/items/{id}");
    assertThat(template(200, "/shop/", "/v2/", "/items/:id")).isEqualTo("/shop/v2/items/{id}");
  }

  @Test
  void keepsTheFailingRouteWhenFailureHandlersRunAfterIt() {
    assertThat(template(500, null, "/api/", "/boom", "/api/", null)).isEqualTo("/api/boom");
    assertThat(template(500, null, "/orders/:id", null)).isEqualTo("/orders/{id}");
  }

  @Test
  void treatsPrefixMiddlewareOnTheSameRouterAsTheSameLevel() {
    assertThat(template(200, "/api/", "/api/orders")).isEqualTo("/api/orders");
    assertThat(template(200, "/api/", "/admin/", "/admin/x")).isEqualTo("/api/admin/x");
  }

  @Test
  void reportsUnmatchedForNoRouteAndForA404BelowAPrefix() {
    assertThat(template(404)).isEqualTo("<unmatched>");
    assertThat(template(404, (String) null)).isEqualTo("<unmatched>");
    assertThat(template(404, null, "/api/")).isEqualTo("<unmatched>");
    assertThat(template(200, "/static/")).isEqualTo("/static/{*}");
  }

  @Test
  void canonicalFormHasBracesNoTrailingSlashAndALeadingSlash() {
    assertThat(RouteTemplates.canonical("/", false)).isEqualTo("/");
    assertThat(RouteTemplates.canonical("/users/:id/", false)).isEqualTo("/users/{id}");
    assertThat(RouteTemplates.canonical("/files/*", false)).isEqualTo("/files/{*}");
    assertThat(RouteTemplates.canonical("/a//b", false)).isEqualTo("/a/b");
    assertThat(RouteTemplates.canonical("health", false)).isEqualTo("/health");
    assertThat(RouteTemplates.canonical("/t/:a-:b", false)).isEqualTo("/t/{a}-{b}");
    assertThat(RouteTemplates.canonical(null, false)).isEqualTo("<unmatched>");
  }

  @Test
  void extractsHostAndPortFromUrls() {
    assertThat(Urls.hostOf("http://127.0.0.1:8080/x?y")).isEqualTo("127.0.0.1:8080");
    assertThat(Urls.hostOf("https://user:pw@api.example.com/v1")).isEqualTo("api.example.com");
    assertThat(Urls.hostOf("https://api.example.com")).isEqualTo("api.example.com");
    assertThat(Urls.hostOf("/relative")).isNull();
  }
}
