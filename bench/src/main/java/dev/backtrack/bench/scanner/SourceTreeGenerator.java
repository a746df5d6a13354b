package dev.backtrack.bench.scanner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a synthetic multi-module source tree: mostly plain service and model classes, with
 * Spring, JAX-RS and Vert.x route definitions sprinkled in, as in a large backend.
 */
final class SourceTreeGenerator {
  private SourceTreeGenerator() {}

  /** Writes {@code files} Java files under {@code root}; returns how many define routes. */
  static int generate(Path root, int files) throws IOException {
    int withRoutes = 0;
    for (int i = 0; i < files; i++) {
      String module = "module" + (i % 20);
      String pkg = "com.example." + module + ".p" + (i % 50);
      Path dir = root.resolve(module + "/src/main/java/" + pkg.replace('.', '/'));
      Files.createDirectories(dir);
      String name;
      String body;
      switch (i % 10) {
        case 0, 1 -> {
          name = "Controller" + i;
          body = springController(pkg, name, i);
          withRoutes++;
        }
        case 2 -> {
          name = "Resource" + i;
          body = jaxRsResource(pkg, name, i);
          withRoutes++;
        }
        case 3 -> {
          name = "Routes" + i;
          body = vertxRoutes(pkg, name, i);
          withRoutes++;
        }
        default -> {
          name = "Service" + i;
          body = plainService(pkg, name, i);
        }
      }
      Files.writeString(dir.resolve(name + ".java"), body);
    }
    return withRoutes;
  }

  private static String springController(String pkg, String name, int i) {
    return """
        package %1$s;

        import java.util.List;
        import org.springframework.web.bind.annotation.*;

        @RestController
        @RequestMapping("/api/r%2$d")
        public class %3$s {
          private static final String ITEMS = "/items";
          private final Service%2$d service = new Service%2$d();

          @GetMapping
          public List<String> list(@RequestParam(defaultValue = "0") int page) {
            return service.find(page).stream().map(String::valueOf).toList();
          }

          @GetMapping("/{id:[0-9]+}")
          public String get(@PathVariable long id) {
            if (id < 0) {
              throw new IllegalArgumentException("negative id " + id);
            }
            return service.describe(id);
          }

          @PostMapping(path = {"", "/bulk"})
          public void create(@RequestBody String body) {
            service.store(body);
          }

          @RequestMapping(
              value = ITEMS + "/{itemId}",
              method = {RequestMethod.PUT, RequestMethod.PATCH})
          public void update(@PathVariable String itemId, @RequestBody String body) {
            service.store(itemId + body);
          }

          @DeleteMapping("/{id}")
          public void delete(@PathVariable long id) {
            service.remove(id);
          }
        }
        """
        .formatted(pkg, i, name);
  }

  private static String jaxRsResource(String pkg, String name, int i) {
    return """
        package %1$s;

        import jakarta.ws.rs.*;

        @Path("/orders%2$d")
        @Produces("application/json")
        public class %3$s {
          @GET
          public String list() {
            return "[]";
          }

          @GET
          @Path("{id: \\\\d+}")
          public String get(@PathParam("id") long id) {
            return "{\\"id\\":" + id + "}";
          }

          @POST
          public void create(String body) {
            if (body == null || body.isBlank()) {
              throw new BadRequestException("empty");
            }
          }
        }
        """
        .formatted(pkg, i, name);
  }

  private static String vertxRoutes(String pkg, String name, int i) {
    return """
        package %1$s;

        import io.vertx.core.Vertx;
        import io.vertx.core.http.HttpMethod;
        import io.vertx.ext.web.Router;
        import io.vertx.ext.web.RoutingContext;

        public final class %3$s {
          public Router build(Vertx vertx) {
            Router router = Router.router(vertx);
            router.get("/v%2$d/health").handler(ctx -> ctx.end("ok"));
            router.route(HttpMethod.POST, "/v%2$d/events").handler(this::events);
            router.route("/v%2$d/api/*").subRouter(api(vertx));
            return router;
          }

          private Router api(Vertx vertx) {
            Router api = Router.router(vertx);
            api.get("/users/:id").handler(this::events);
            api.delete("/users/:id").handler(this::events);
            return api;
          }

          private void events(RoutingContext ctx) {
            ctx.response().setStatusCode(204).end();
          }
        }
        """
        .formatted(pkg, i, name);
  }

  private static String plainService(String pkg, String name, int i) {
    return """
        package %1$s;

        import java.util.ArrayList;
        import java.util.HashMap;
        import java.util.List;
        import java.util.Map;
        import java.util.Optional;

        /** Keeps things in memory. */
        public class %2$s {
          private final Map<Long, String> items = new HashMap<>();
          private long next = %3$d;

          public List<Long> find(int page) {
            List<Long> ids = new ArrayList<>(items.keySet());
            ids.sort(Long::compare);
            int from = Math.min(ids.size(), page * 20);
            return ids.subList(from, Math.min(ids.size(), from + 20));
          }

          public String describe(long id) {
            return Optional.ofNullable(items.get(id)).map(s -> s.trim()).orElse("none");
          }

          public synchronized long store(String value) {
            long id = next++;
            items.put(id, value);
            return id;
          }

          public void remove(long id) {
            items.remove(id);
          }

          @Override
          public String toString() {
            StringBuilder out = new StringBuilder("%2$s[");
            for (Map.Entry<Long, String> e : items.entrySet()) {
              out.append(e.getKey()).append('=').append(e.getValue()).append(',');
            }
            return out.append(']').toString();
          }
        }
        """
        .formatted(pkg, name, i);
  }
}
