package dev.backtrack.collector.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small Spring project on disk for the collector to scan: two folders, three endpoints. */
final class ShopSource {
  static final String USERS_FOLDER = "src/main/java/shop/users";

  private ShopSource() {}

  static Path write(Path root) {
    write(root.resolve(USERS_FOLDER + "/UserController.java"), """
        package shop.users;

        import org.springframework.web.bind.annotation.*;

        @RestController
        @RequestMapping("/users")
        public class UserController {
          @GetMapping("/{id}")
          public String get(@PathVariable String id) { return id; }

          @DeleteMapping("/{id}")
          public void delete(@PathVariable String id) {}
        }
        """);
    write(root.resolve("src/main/java/shop/orders/OrderController.java"), """
        package shop.orders;

        import org.springframework.web.bind.annotation.*;

        @RestController
        public class OrderController {
          @PostMapping("/orders")
          public String place() { return "ok"; }
        }
        """);
    return root;
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
