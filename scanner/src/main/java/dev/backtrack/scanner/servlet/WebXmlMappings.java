package dev.backtrack.scanner.servlet;

import dev.backtrack.scanner.source.RawRoute;
import dev.backtrack.scanner.source.UnreadableSourceException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * {@code web.xml} deployment descriptors: each {@code <url-pattern>} of a
 * {@code <servlet-mapping>} is an {@code ANY} route handled by the servlet class that
 * {@code <servlet>} names. Read with StAX for line numbers; DTDs and external entities are off.
 */
public final class WebXmlMappings {
  private static final XMLInputFactory FACTORY = factory();

  private WebXmlMappings() {}

  /** The routes {@code xml}, the text of the descriptor at {@code relative}, maps. */
  public static List<RawRoute> find(String xml, String relative) throws UnreadableSourceException {
    Map<String, String> classes = new HashMap<>();
    List<Pattern> patterns = new ArrayList<>();
    try {
      read(xml, classes, patterns);
    } catch (XMLStreamException e) {
      throw new UnreadableSourceException("does not parse: " + oneLine(e.getMessage()));
    }
    List<RawRoute> routes = new ArrayList<>();
    for (Pattern pattern : patterns) {
      String type = classes.getOrDefault(pattern.servletName(), pattern.servletName());
      routes.add(
          new RawRoute(
              "ANY", pattern.url(), relative, pattern.line(), type + "#service",
              WebServlets.FRAMEWORK));
    }
    return routes;
  }

  private record Pattern(String servletName, String url, int line) {}

  private static void read(String xml, Map<String, String> classes, List<Pattern> patterns)
      throws XMLStreamException {
    XMLStreamReader reader;
    synchronized (FACTORY) {
      reader = FACTORY.createXMLStreamReader(new StringReader(xml));
    }
    String parent = "";
    String servletName = null;
    String servletClass = null;
    List<Pattern> pending = new ArrayList<>();
    try {
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = reader.getLocalName();
          switch (name) {
            case "servlet", "servlet-mapping" -> {
              parent = name;
              servletName = null;
              servletClass = null;
              pending.clear();
            }
            case "servlet-name" -> servletName = reader.getElementText().trim();
            case "servlet-class" -> servletClass = reader.getElementText().trim();
            case "url-pattern" -> {
              int line = reader.getLocation().getLineNumber();
              if (parent.equals("servlet-mapping")) {
                pending.add(new Pattern(null, reader.getElementText().trim(), line));
              }
            }
            default -> { }
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          String name = reader.getLocalName();
          if (name.equals("servlet") && servletName != null && servletClass != null) {
            classes.put(servletName, servletClass);
          } else if (name.equals("servlet-mapping") && servletName != null) {
            for (Pattern p : pending) {
              patterns.add(new Pattern(servletName, p.url(), p.line()));
            }
          }
          if (name.equals("servlet") || name.equals("servlet-mapping")) {
            parent = "";
          }
        }
      }
    } finally {
      reader.close();
    }
  }

  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory;
  }

  private static String oneLine(String message) {
    if (message == null) {
      return "malformed XML";
    }
    return message.replaceAll("\\s+", " ").trim();
  }
}
