package dev.backtrack.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTemplatesTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      /users/{id}                 | /users/{id}
      /users/{id:\\d+}            | /users/{id}
      /users/{ id : \\d{2,3} }    | /users/{id}
      /files/{*path}              | /files/{path}
      /static/**                  | /static/{*}
      /api/*                      | /api/{*}
      /docs/*.txt                 | /docs/{*}.txt
      users/{id}/                 | /users/{id}
      //a//b                      | /a/b
      /                           | /
      ""                          | /
      /**                         | /{*}
      """)
  void canonicalizes(String pattern, String expected) {
    assertThat(RouteTemplates.canonical(pattern)).isEqualTo(expected);
  }
}
