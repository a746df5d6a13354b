package dev.backtrack.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTemplatesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/users/:id | /users/{id}",
        "/users/:id/orders/:orderId | /users/{id}/orders/{orderId}",
        "/users/{id: \\d+} | /users/{id}",
        "/users/{id:[0-9]{1,3}} | /users/{id}",
        "/files/{*path} | /files/{path}",
        "/static/** | /static/{*}",
        "/api/* | /api/{*}",
        "users/<int:id>/ | /users/{id}",
        "users/<slug> | /users/{slug}",
        "^articles/(?P<year>[0-9]{4})/$ | /articles/{year}",
        "^archive/([0-9]+)/?$ | /archive/{*}",
        "^robots\\.txt$ | /robots.txt",
        "//api///users/ | /api/users",
        "/ | /",
        "'' | /",
        "/v1/items:batchGet | /v1/items:batchGet",
        "*.do | /{*}.do",
      })
  void mapsEveryFrameworkSyntaxToOneForm(String raw, String canonical) {
    assertThat(RouteTemplates.canonical(raw)).isEqualTo(canonical);
  }

  @Test
  void nullIsTheRoot() {
    assertThat(RouteTemplates.canonical(null)).isEqualTo("/");
  }

  @Test
  void canonicalFormIsAFixedPoint() {
    String once = RouteTemplates.canonical("/a/:b/{c:[0-9]+}/**");
    assertThat(RouteTemplates.canonical(once)).isEqualTo(once).isEqualTo("/a/{b}/{c}/{*}");
  }
}
