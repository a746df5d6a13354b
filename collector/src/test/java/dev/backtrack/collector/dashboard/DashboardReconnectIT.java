package dev.backtrack.collector.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.collector.Collector;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The page survives a collector restart: it says so while away and resumes by itself. */
class DashboardReconnectIT {
  @TempDir Path dir;
  Vertx vertx;
  Collector collector;
  Browser browser;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    browser = Browser.start();
  }

  @AfterEach
  void stop() {
    try {
      browser.close();
    } finally {
      if (collector != null) {
        collector.close().await();
      }
      vertx.close().await();
    }
  }

  @Test
  void reconnectsAfterTheCollectorRestarts() {
    collector = deploy(0);
    int port = collector.port();
    Traffic.to(collector.baseUrl(), "api").request("GET", "/before", 200, 2).send();
    DashboardPage page = new DashboardPage(browser.driver, collector.baseUrl()).open("api", "5m");
    assertThat(page.routeRow("GET", "/before")).containsEntry("requests", "1");

    collector.close().await();
    collector = null;
    waitForConnection("reconnecting");

    collector = deploy(port);
    Traffic.to(collector.baseUrl(), "api").request("GET", "/after", 200, 2).send();
    waitForConnection("live");
    assertThat(page.routeRow("GET", "/after")).containsEntry("requests", "1");
    assertThat(page.routeRow("GET", "/before")).containsEntry("requests", "1");
  }

  private Collector deploy(int port) {
    return Collector.deploy(vertx, new JsonObject()
        .put("port", port).put("db", dir.resolve("backtrack.db").toString())).await();
  }

  private void waitForConnection(String state) {
    new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .withMessage("waiting for the page to show the connection as " + state)
        .until(d -> state.equals(
            d.findElement(By.id("connection")).getDomAttribute("data-state")));
  }
}
