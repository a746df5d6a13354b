package dev.backtrack.servlet.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/** A callable statement, instrumented as {@link InstrumentedStatement} describes. */
final class InstrumentedCallableStatement
    extends InstrumentedPreparedStatement<CallableStatement> implements CallableStatement {

  private InstrumentedCallableStatement(CallableStatement target, String sql,
      Connection connection) {
    super(target, sql, connection);
  }

  static CallableStatement of(CallableStatement target, String sql, Connection connection) {
    return target == null ? null : new InstrumentedCallableStatement(target, sql, connection);
  }

  // Everything as the driver does it.

  @Override
  public Array getArray(String name) throws SQLException {
    return target.getArray(name);
  }

  @Override
  public Array getArray(int index) throws SQLException {
    return target.getArray(index);
  }

  @Override
  public BigDecimal getBigDecimal(String name) throws SQLException {
    return target.getBigDecimal(name);
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int index,
      int intValue2) throws SQLException {
    return target.getBigDecimal(index, intValue2);
  }

  @Override
  public BigDecimal getBigDecimal(int index) throws SQLException {
    return target.getBigDecimal(index);
  }

  @Override
  public Blob getBlob(String name) throws SQLException {
    return target.getBlob(name);
  }

  @Override
  public Blob getBlob(int index) throws SQLException {
    return target.getBlob(index);
  }

  @Override
  public boolean getBoolean(String name) throws SQLException {
    return target.getBoolean(name);
  }

  @Override
  public boolean getBoolean(int index) throws SQLException {
    return target.getBoolean(index);
  }

  @Override
  public byte getByte(String name) throws SQLException {
    return target.getByte(name);
  }

  @Override
  public byte getByte(int index) throws SQLException {
    return target.getByte(index);
  }

  @Override
  public byte[] getBytes(String name) throws SQLException {
    return target.getBytes(name);
  }

  @Override
  public byte[] getBytes(int index) throws SQLException {
    return target.getBytes(index);
  }

  @Override
  public Reader getCharacterStream(String name) throws SQLException {
    return target.getCharacterStream(name);
  }

  @Override
  public Reader getCharacterStream(int index) throws SQLException {
    return target.getCharacterStream(index);
  }

  @Override
  public Clob getClob(String name) throws SQLException {
    return target.getClob(name);
  }

  @Override
  public Clob getClob(int index) throws SQLException {
    return target.getClob(index);
  }

  @Override
  public Date getDate(String name, Calendar calendar) throws SQLException {
    return target.getDate(name, calendar);
  }

  @Override
  public Date getDate(String name) throws SQLException {
    return target.getDate(name);
  }

  @Override
  public Date getDate(int index, Calendar calendar) throws SQLException {
    return target.getDate(index, calendar);
  }

  @Override
  public Date getDate(int index) throws SQLException {
    return target.getDate(index);
  }

  @Override
  public double getDouble(String name) throws SQLException {
    return target.getDouble(name);
  }

  @Override
  public double getDouble(int index) throws SQLException {
    return target.getDouble(index);
  }

  @Override
  public float getFloat(String name) throws SQLException {
    return target.getFloat(name);
  }

  @Override
  public float getFloat(int index) throws SQLException {
    return target.getFloat(index);
  }

  @Override
  public int getInt(String name) throws SQLException {
    return target.getInt(name);
  }

  @Override
  public int getInt(int index) throws SQLException {
    return target.getInt(index);
  }

  @Override
  public long getLong(String name) throws SQLException {
    return target.getLong(name);
  }

  @Override
  public long getLong(int index) throws SQLException {
    return target.getLong(index);
  }

  @Override
  public Reader getNCharacterStream(String name) throws SQLException {
    return target.getNCharacterStream(name);
  }

  @Override
  public Reader getNCharacterStream(int index) throws SQLException {
    return target.getNCharacterStream(index);
  }

  @Override
  public NClob getNClob(String name) throws SQLException {
    return target.getNClob(name);
  }

  @Override
  public NClob getNClob(int index) throws SQLException {
    return target.getNClob(index);
  }

  @Override
  public String getNString(String name) throws SQLException {
    return target.getNString(name);
  }

  @Override
  public String getNString(int index) throws SQLException {
    return target.getNString(index);
  }

  @Override
  public <T> T getObject(String name, Class<T> type) throws SQLException {
    return target.getObject(name, type);
  }

  @Override
  public Object getObject(String name, Map<String,
      Class<?>> map) throws SQLException {
    return target.getObject(name, map);
  }

  @Override
  public Object getObject(String name) throws SQLException {
    return target.getObject(name);
  }

  @Override
  public <T> T getObject(int index, Class<T> type) throws SQLException {
    return target.getObject(index, type);
  }

  @Override
  public Object getObject(int index, Map<String,
      Class<?>> map) throws SQLException {
    return target.getObject(index, map);
  }

  @Override
  public Object getObject(int index) throws SQLException {
    return target.getObject(index);
  }

  @Override
  public Ref getRef(String name) throws SQLException {
    return target.getRef(name);
  }

  @Override
  public Ref getRef(int index) throws SQLException {
    return target.getRef(index);
  }

  @Override
  public RowId getRowId(String name) throws SQLException {
    return target.getRowId(name);
  }

  @Override
  public RowId getRowId(int index) throws SQLException {
    return target.getRowId(index);
  }

  @Override
  public SQLXML getSQLXML(String name) throws SQLException {
    return target.getSQLXML(name);
  }

  @Override
  public SQLXML getSQLXML(int index) throws SQLException {
    return target.getSQLXML(index);
  }

  @Override
  public short getShort(String name) throws SQLException {
    return target.getShort(name);
  }

  @Override
  public short getShort(int index) throws SQLException {
    return target.getShort(index);
  }

  @Override
  public String getString(String name) throws SQLException {
    return target.getString(name);
  }

  @Override
  public String getString(int index) throws SQLException {
    return target.getString(index);
  }

  @Override
  public Time getTime(String name, Calendar calendar) throws SQLException {
    return target.getTime(name, calendar);
  }

  @Override
  public Time getTime(String name) throws SQLException {
    return target.getTime(name);
  }

  @Override
  public Time getTime(int index, Calendar calendar) throws SQLException {
    return target.getTime(index, calendar);
  }

  @Override
  public Time getTime(int index) throws SQLException {
    return target.getTime(index);
  }

  @Override
  public Timestamp getTimestamp(String name,
      Calendar calendar) throws SQLException {
    return target.getTimestamp(name, calendar);
  }

  @Override
  public Timestamp getTimestamp(String name) throws SQLException {
    return target.getTimestamp(name);
  }

  @Override
  public Timestamp getTimestamp(int index,
      Calendar calendar) throws SQLException {
    return target.getTimestamp(index, calendar);
  }

  @Override
  public Timestamp getTimestamp(int index) throws SQLException {
    return target.getTimestamp(index);
  }

  @Override
  public URL getURL(String name) throws SQLException {
    return target.getURL(name);
  }

  @Override
  public URL getURL(int index) throws SQLException {
    return target.getURL(index);
  }

  @Override
  public void registerOutParameter(String name, int intValue2,
      String text3) throws SQLException {
    target.registerOutParameter(name, intValue2, text3);
  }

  @Override
  public void registerOutParameter(String name, int intValue2,
      int intValue3) throws SQLException {
    target.registerOutParameter(name, intValue2, intValue3);
  }

  @Override
  public void registerOutParameter(String name, int intValue2) throws SQLException {
    target.registerOutParameter(name, intValue2);
  }

  @Override
  public void registerOutParameter(String name, SQLType sQLType,
      String text3) throws SQLException {
    target.registerOutParameter(name, sQLType, text3);
  }

  @Override
  public void registerOutParameter(String name, SQLType sQLType,
      int intValue3) throws SQLException {
    target.registerOutParameter(name, sQLType, intValue3);
  }

  @Override
  public void registerOutParameter(String name, SQLType sQLType) throws SQLException {
    target.registerOutParameter(name, sQLType);
  }

  @Override
  public void registerOutParameter(int index, int intValue2,
      String text3) throws SQLException {
    target.registerOutParameter(index, intValue2, text3);
  }

  @Override
  public void registerOutParameter(int index, int intValue2,
      int intValue3) throws SQLException {
    target.registerOutParameter(index, intValue2, intValue3);
  }

  @Override
  public void registerOutParameter(int index, int intValue2) throws SQLException {
    target.registerOutParameter(index, intValue2);
  }

  @Override
  public void registerOutParameter(int index, SQLType sQLType,
      String text3) throws SQLException {
    target.registerOutParameter(index, sQLType, text3);
  }

  @Override
  public void registerOutParameter(int index, SQLType sQLType,
      int intValue3) throws SQLException {
    target.registerOutParameter(index, sQLType, intValue3);
  }

  @Override
  public void registerOutParameter(int index, SQLType sQLType) throws SQLException {
    target.registerOutParameter(index, sQLType);
  }

  @Override
  public void setAsciiStream(String name, InputStream value,
      int intValue3) throws SQLException {
    target.setAsciiStream(name, value, intValue3);
  }

  @Override
  public void setAsciiStream(String name, InputStream value,
      long longValue3) throws SQLException {
    target.setAsciiStream(name, value, longValue3);
  }

  @Override
  public void setAsciiStream(String name,
      InputStream value) throws SQLException {
    target.setAsciiStream(name, value);
  }

  @Override
  public void setBigDecimal(String name,
      BigDecimal value) throws SQLException {
    target.setBigDecimal(name, value);
  }

  @Override
  public void setBinaryStream(String name, InputStream value,
      int intValue3) throws SQLException {
    target.setBinaryStream(name, value, intValue3);
  }

  @Override
  public void setBinaryStream(String name, InputStream value,
      long longValue3) throws SQLException {
    target.setBinaryStream(name, value, longValue3);
  }

  @Override
  public void setBinaryStream(String name,
      InputStream value) throws SQLException {
    target.setBinaryStream(name, value);
  }

  @Override
  public void setBlob(String name, InputStream value,
      long longValue3) throws SQLException {
    target.setBlob(name, value, longValue3);
  }

  @Override
  public void setBlob(String name, InputStream value) throws SQLException {
    target.setBlob(name, value);
  }

  @Override
  public void setBlob(String name, Blob value) throws SQLException {
    target.setBlob(name, value);
  }

  @Override
  public void setBoolean(String name, boolean value) throws SQLException {
    target.setBoolean(name, value);
  }

  @Override
  public void setByte(String name, byte value) throws SQLException {
    target.setByte(name, value);
  }

  @Override
  public void setBytes(String name, byte[] value) throws SQLException {
    target.setBytes(name, value);
  }

  @Override
  public void setCharacterStream(String name, Reader value,
      int intValue3) throws SQLException {
    target.setCharacterStream(name, value, intValue3);
  }

  @Override
  public void setCharacterStream(String name, Reader value,
      long longValue3) throws SQLException {
    target.setCharacterStream(name, value, longValue3);
  }

  @Override
  public void setCharacterStream(String name,
      Reader value) throws SQLException {
    target.setCharacterStream(name, value);
  }

  @Override
  public void setClob(String name, Reader value,
      long longValue3) throws SQLException {
    target.setClob(name, value, longValue3);
  }

  @Override
  public void setClob(String name, Reader value) throws SQLException {
    target.setClob(name, value);
  }

  @Override
  public void setClob(String name, Clob value) throws SQLException {
    target.setClob(name, value);
  }

  @Override
  public void setDate(String name, Date value,
      Calendar calendar) throws SQLException {
    target.setDate(name, value, calendar);
  }

  @Override
  public void setDate(String name, Date value) throws SQLException {
    target.setDate(name, value);
  }

  @Override
  public void setDouble(String name, double value) throws SQLException {
    target.setDouble(name, value);
  }

  @Override
  public void setFloat(String name, float value) throws SQLException {
    target.setFloat(name, value);
  }

  @Override
  public void setInt(String name, int value) throws SQLException {
    target.setInt(name, value);
  }

  @Override
  public void setLong(String name, long value) throws SQLException {
    target.setLong(name, value);
  }

  @Override
  public void setNCharacterStream(String name, Reader value,
      long longValue3) throws SQLException {
    target.setNCharacterStream(name, value, longValue3);
  }

  @Override
  public void setNCharacterStream(String name,
      Reader value) throws SQLException {
    target.setNCharacterStream(name, value);
  }

  @Override
  public void setNClob(String name, Reader value,
      long longValue3) throws SQLException {
    target.setNClob(name, value, longValue3);
  }

  @Override
  public void setNClob(String name, Reader value) throws SQLException {
    target.setNClob(name, value);
  }

  @Override
  public void setNClob(String name, NClob value) throws SQLException {
    target.setNClob(name, value);
  }

  @Override
  public void setNString(String name, String value) throws SQLException {
    target.setNString(name, value);
  }

  @Override
  public void setNull(String name, int value, String text3) throws SQLException {
    target.setNull(name, value, text3);
  }

  @Override
  public void setNull(String name, int value) throws SQLException {
    target.setNull(name, value);
  }

  @Override
  public void setObject(String name, Object value, int intValue3,
      int intValue4) throws SQLException {
    target.setObject(name, value, intValue3, intValue4);
  }

  @Override
  public void setObject(String name, Object value, int intValue3) throws SQLException {
    target.setObject(name, value, intValue3);
  }

  @Override
  public void setObject(String name, Object value, SQLType sQLType,
      int intValue4) throws SQLException {
    target.setObject(name, value, sQLType, intValue4);
  }

  @Override
  public void setObject(String name, Object value,
      SQLType sQLType) throws SQLException {
    target.setObject(name, value, sQLType);
  }

  @Override
  public void setObject(String name, Object value) throws SQLException {
    target.setObject(name, value);
  }

  @Override
  public void setRowId(String name, RowId value) throws SQLException {
    target.setRowId(name, value);
  }

  @Override
  public void setSQLXML(String name, SQLXML value) throws SQLException {
    target.setSQLXML(name, value);
  }

  @Override
  public void setShort(String name, short value) throws SQLException {
    target.setShort(name, value);
  }

  @Override
  public void setString(String name, String value) throws SQLException {
    target.setString(name, value);
  }

  @Override
  public void setTime(String name, Time value,
      Calendar calendar) throws SQLException {
    target.setTime(name, value, calendar);
  }

  @Override
  public void setTime(String name, Time value) throws SQLException {
    target.setTime(name, value);
  }

  @Override
  public void setTimestamp(String name, Timestamp value,
      Calendar calendar) throws SQLException {
    target.setTimestamp(name, value, calendar);
  }

  @Override
  public void setTimestamp(String name, Timestamp value) throws SQLException {
    target.setTimestamp(name, value);
  }

  @Override
  public void setURL(String name, URL value) throws SQLException {
    target.setURL(name, value);
  }

  @Override
  public boolean wasNull() throws SQLException {
    return target.wasNull();
  }
}
