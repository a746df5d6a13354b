package dev.backtrack.scanner.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backtrack.scanner.python.PyNode.Call;
import dev.backtrack.scanner.python.PyNode.Seq;
import java.util.List;
import org.junit.jupiter.api.Test;

class PyParserTest {
  @Test
  void readsCallsWithStringsKeywordsAndNestedLists() {
    List<PyToken> tokens =
        PyTokenizer.tokenize(
            "path(r'^a/(?P<id>\\d+)/$' 'x', include([path(\"b/\", v)]), name=\"n\")\n");
    PyNode node = new PyParser(tokens, 0).expression();

    assertThat(node).isInstanceOf(Call.class);
    Call call = (Call) node;
    assertThat(call.callee()).isEqualTo("path");
    assertThat(PyNode.string(call.args().get(0))).isEqualTo("^a/(?P<id>\\d+)/$x");
    Call include = (Call) call.args().get(1);
    assertThat(include.args().get(0)).isInstanceOf(Seq.class);
    assertThat(PyNode.string(call.keywords().get("name"))).isEqualTo("n");
  }

  @Test
  void tracksLinesAcrossTripleQuotedStringsAndContinuations() {
    List<PyToken> tokens = PyTokenizer.tokenize("x = '''a\nb'''\ny = 1 + \\\n 2\nz\n");
    assertThat(tokens)
        .filteredOn(t -> t.kind() == PyToken.Kind.NAME)
        .extracting(PyToken::text, PyToken::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("x", 1),
            org.assertj.core.groups.Tuple.tuple("y", 3),
            org.assertj.core.groups.Tuple.tuple("z", 5));
  }

  @Test
  void malformedSourceNeverThrows() {
    for (String source :
        List.of("path(", "@app.get('/x'", "'''never closed", "urlpatterns = [path('a', ", ")))",
            "from . import", "import", "x = [(]", "@", "def")) {
      List<PyToken> tokens = PyTokenizer.tokenize(source);
      new PyParser(tokens, 0).expression();
      assertThat(new PyModule("m.py", tokens).statementStarts()).isNotNull();
    }
  }
}
