package dev.backtrack.scanner;

import static dev.backtrack.scanner.Fixtures.row;
import static dev.backtrack.scanner.Fixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavaFixturesTest {
  private static final String SHOP = "src/main/java/com/example/shop/";

  @Test
  void springJoinsClassAndMethodMappingsAndResolvesConstants() {
    String admin = SHOP + "AdminController.java";
    String users = SHOP + "UserController.java";
    assertThat(rows("spring"))
        .containsExactly(
            row("GET", "/admin/metrics", admin, 9),
            row("GET", "/admin/stats", admin, 9),
            row("POST", "/admin/reset", admin, 14),
            row("GET", "/{*}", admin, 25),
            row("GET", "/quotes", SHOP + "ReactiveQuotes.java", 9),
            row("GET", "/api/users", users, 12),
            row("GET", "/api/users/{id}", users, 17),
            row("POST", "/api/users", users, 22),
            row("POST", "/api/users/bulk", users, 22),
            row("PATCH", "/api/users/{id}", users, 25),
            row("PUT", "/api/users/{id}", users, 25),
            row("DELETE", "/api/users/v1/items/{itemId}", users, 28),
            row("GET", "/api/users/files/{path}", users, 31),
            row("ANY", "/api/users/legacy", users, 34));
  }

  @Test
  void springHandlersNameTheClassAndMethod() {
    assertThat(Fixtures.scan("spring").endpoints())
        .extracting(Endpoint::handler)
        .contains(
            "com.example.shop.UserController#get",
            "com.example.shop.AdminController.Nested#fallback")
        .hasSize(14);
    assertThat(Fixtures.scan("spring").endpoints())
        .extracting(Endpoint::framework)
        .containsOnly("spring");
  }

  @Test
  void constantsOfOtherFilesAreFollowedThroughImportsAndInterfaces() {
    String web = "src/main/java/com/example/web/";
    assertThat(rows("constants"))
        .containsExactly(
            row("GET", "/v1/health", web + "HealthRoutes.java", 8),
            row("GET", "/api/users/{id}", web + "UserController.java", 11),
            row("POST", "/api/users/{id}/roles", web + "UserController.java", 16));
    assertThat(Fixtures.scan("constants").filesScanned()).isEqualTo(4);
  }

  @Test
  void jaxRsPrefixesResourcesWithTheApplicationPath() {
    String orders = "src/main/java/com/example/rest/OrderResource.java";
    assertThat(rows("jaxrs"))
        .containsExactly(
            row("GET", "/api/orders", orders, 10),
            row("GET", "/api/orders/{id}", orders, 15),
            row("POST", "/api/orders", orders, 21),
            row("DELETE", "/api/orders/{id}/lines/{line}", orders, 24));
  }

  @Test
  void micronautControllersWithValueUriAndUris() {
    String pets = "src/main/java/example/PetController.java";
    assertThat(rows("micronaut"))
        .containsExactly(
            row("GET", "/pets", pets, 7),
            row("GET", "/pets/{name}", pets, 12),
            row("POST", "/pets", pets, 17),
            row("DELETE", "/pets/by-name/{name}", pets, 20),
            row("DELETE", "/pets/{name}", pets, 20),
            row("HEAD", "/health", pets, 26));
  }

  @Test
  void servletsFromAnnotationsAndWebXmlAcceptAnyMethod() {
    String web = "src/main/java/com/example/web/";
    String xml = "src/main/webapp/WEB-INF/web.xml";
    assertThat(rows("servlet"))
        .containsExactly(
            row("ANY", "/downloads/{*}", web + "DownloadServlet.java", 6),
            row("ANY", "/files", web + "DownloadServlet.java", 6),
            row("ANY", "/ping", web + "PingServlet.java", 3),
            row("ANY", "/legacy/{*}", xml, 9),
            row("ANY", "/{*}.do", xml, 10));
    assertThat(Fixtures.scan("servlet").endpoints())
        .extracting(Endpoint::handler)
        .contains("com.example.web.LegacyServlet#service");
  }

  @Test
  void vertxRoutesWithSubRoutersStitchedUnderTheirPrefix() {
    String api = "src/main/java/io/example/ApiVerticle.java";
    String events = "src/main/java/io/example/EventRoutes.java";
    assertThat(rows("vertx"))
        .containsExactly(
            row("GET", "/health", api, 18),
            row("POST", "/login", api, 19),
            row("PATCH", "/items/{id}", api, 21),
            row("PUT", "/items/{id}", api, 21),
            row("ANY", "/static/{*}", api, 26),
            row("GET", "/api/users/{id}", api, 29),
            row("DELETE", "/api/users/{id}", api, 30),
            row("GET", "/api/v2/orders", api, 44),
            row("ANY", "/api/v2/orders/{orderId}", api, 45),
            row("GET", "/admin/stats", api, 51),
            row("POST", "/events", events, 15),
            row("GET", "/events/stream", events, 18));
  }

  @Test
  void vertxHandlersFollowMethodReferences() {
    assertThat(Fixtures.scan("vertx").endpoints())
        .extracting(Endpoint::handler)
        .containsExactly(
            "io.example.ApiVerticle#start",
            "io.example.ApiVerticle#login",
            "io.example.ApiVerticle#updateItem",
            "io.example.ApiVerticle#updateItem",
            "StaticFiles",
            "io.example.ApiVerticle#user",
            "io.example.ApiVerticle#user",
            "io.example.ApiVerticle#orders",
            "io.example.ApiVerticle#orders",
            "io.example.ApiVerticle#stats",
            "io.example.EventRoutes#mount",
            "io.example.EventRoutes#stream");
  }

  @Test
  void filesThatDoNotParseAreReportedAndTheScanGoesOn() {
    ScanResult result = Fixtures.scan("broken");
    assertThat(rows("broken")).containsExactly(row("GET", "/still-found", "src/Good.java", 5));
    assertThat(result.filesScanned()).isEqualTo(4);
    assertThat(result.problems())
        .extracting(ScanProblem::file)
        .containsExactly("src/Binary.java", "src/Broken.java", "web.xml");
    assertThat(result.problems().get(0).message()).contains("binary");
    assertThat(result.problems().get(1).message()).startsWith("does not parse: line 9");
  }
}
