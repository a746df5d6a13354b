package dev.backtrack.collector.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backtrack.scanner.Endpoint;
import dev.backtrack.scanner.RouteScanner;
import dev.backtrack.scanner.ScanProblem;
import dev.backtrack.scanner.ScanResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code backtrack scan PATH}: prints the routes a source tree defines. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = "Print the routes a source tree defines, without a server.")
public final class ScanCommand implements Callable<Integer> {
  /** Exit code when PATH does not exist. */
  static final int EXIT_NO_SUCH_PATH = 2;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PATH", description = "Folder (or file) to scan.")
  Path path;

  @Option(
      names = "--json",
      description = "Print {\"endpoints\":[...],\"problems\":[...],\"files_scanned\":n}.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.exists(path)) {
      err.println("backtrack scan: no such file or folder: " + path);
      err.flush();
      return EXIT_NO_SUCH_PATH;
    }
    ScanResult result = RouteScanner.scan(path);
    if (json) {
      out.println(toJson(result));
    } else {
      printTable(result, out);
      for (ScanProblem problem : result.problems()) {
        err.println("skipped " + problem.file() + ": " + problem.message());
      }
    }
    out.flush();
    err.flush();
    return 0;
  }

  private static void printTable(ScanResult result, PrintWriter out) {
    List<Endpoint> endpoints = result.endpoints();
    String[] header = {"METHOD", "ROUTE", "LOCATION", "HANDLER"};
    int[] widths = new int[3];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header[i].length();
    }
    for (Endpoint e : endpoints) {
      widths[0] = Math.max(widths[0], e.method().length());
      widths[1] = Math.max(widths[1], e.route().length());
      widths[2] = Math.max(widths[2], location(e).length());
    }
    if (!endpoints.isEmpty()) {
      out.println(row(widths, header));
    }
    for (Endpoint e : endpoints) {
      out.println(row(widths, e.method(), e.route(), location(e), e.handler()));
    }
    out.printf(
        "%d endpoint%s in %d file%s scanned, %d skipped%n",
        endpoints.size(),
        endpoints.size() == 1 ? "" : "s",
        result.filesScanned(),
        result.filesScanned() == 1 ? "" : "s",
        result.problems().size());
  }

  private static String location(Endpoint e) {
    return e.file() + ":" + e.line();
  }

  private static String row(int[] widths, String... cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      line.append(cells[i]);
      if (i < widths.length) {
        line.append(" ".repeat(widths[i] - cells[i].length() + 2));
      }
    }
    return line.toString().stripTrailing();
  }

  private static String toJson(ScanResult result) throws Exception {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ArrayNode endpoints = root.putArray("endpoints");
    for (Endpoint e : result.endpoints()) {
      endpoints
          .addObject()
          .put("method", e.method())
          .put("route", e.route())
          .put("file", e.file())
          .put("line", e.line())
          .put("handler", e.handler())
          .put("framework", e.framework());
    }
    ArrayNode problems = root.putArray("problems");
    for (ScanProblem p : result.problems()) {
      problems.addObject().put("file", p.file()).put("message", p.message());
    }
    root.put("files_scanned", result.filesScanned());
    return mapper.writeValueAsString(root);
  }
}
