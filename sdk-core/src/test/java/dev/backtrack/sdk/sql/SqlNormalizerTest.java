package dev.backtrack.sdk.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SqlNormalizerTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      SELECT * FROM users WHERE id = 42                | select * from users where id = ?
      select * from users where name = 'O''Brien'      | select * from users where name = ?
      SELECT a,b FROM t WHERE x=1.5e3 AND y=0x1F       | select a, b from t where x = ? and y = ?
      select * from t where id in (1, 2, 3)            | select * from t where id in (?)
      select * from t where id in(1,2)                 | select * from t where id in (?)
      select * from t where id in ( ?,?, ? )           | select * from t where id in (?)
      INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y')   | insert into t (a, b) values (?)
      insert into t values (?,?),(?,?),(?,?)           | insert into t values (?)
      select 1 -- trailing comment                     | select ?
      select /* hint */ a   from	t                    | select a from t
      select * from t where flag = TRUE and x is NULL  | select * from t where flag = true and x is null
      select * from t where id = $1 and n = :name      | select * from t where id = ? and n = ?
      select x::int from t                             | select x :: int from t
      select count(*) from t2 where t2.c1 = 10         | select count(*) from t2 where t2.c1 = ?
      select "MixedCase" from t                        | select "MixedCase" from t
      select X'0aff', $$body$$ from t;                 | select ?, ? from t
      select t.* from t where a >= -5                  | select t.* from t where a >= - ?
      """)
  void normalizes(String sql, String expected) {
    assertThat(SqlNormalizer.normalize(sql)).isEqualTo(expected);
  }

  @Test
  void collapsesTemplatesThatDifferOnlyInValues() {
    assertThat(SqlNormalizer.normalize("select * from orders where user_id = 1"))
        .isEqualTo(SqlNormalizer.normalize("SELECT *\n  FROM orders WHERE user_id=993"));
  }

  @Test
  void survivesBrokenInput() {
    assertThat(SqlNormalizer.normalize("select 'unterminated")).isEqualTo("select ?");
    assertThat(SqlNormalizer.normalize("/* never closed")).isEmpty();
    assertThat(SqlNormalizer.normalize(null)).isEmpty();
    assertThat(SqlNormalizer.normalize(")))(((")).isEqualTo(")))(((");
  }
}
