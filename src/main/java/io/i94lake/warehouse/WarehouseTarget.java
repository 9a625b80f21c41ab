package io.i94lake.warehouse;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The PostgreSQL schema that BI tools read (Redshift speaks the same protocol).
 *
 * @param jdbcUrl e.g. {@code jdbc:postgresql://127.0.0.1:5432/analytics}
 * @param user may be null when the URL names it
 * @param password may be null when the URL holds it or the server needs none
 * @param schema the schema readers query, e.g. {@code i94}
 */
public record WarehouseTarget(String jdbcUrl, String user, String password, String schema) implements Serializable {
  public static final String DEFAULT_SCHEMA = "i94";

  public WarehouseTarget {
    requireNonNull(jdbcUrl, "jdbcUrl is null");
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("Cannot publish to '" + jdbcUrl + "': expected a PostgreSQL JDBC URL such as "
          + "jdbc:postgresql://host:5432/database");
    }
    requireNonNull(schema, "schema is null");
    if (!schema.matches("[a-z_][a-z0-9_]{0,39}")) {
      throw new IllegalArgumentException("Cannot publish to schema '" + schema
          + "': expected a lower-case name of letters, digits and _ (at most 40), such as i94");
    }
  }

  public Connection connect() throws SQLException {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    return DriverManager.getConnection(jdbcUrl, properties);
  }

  /** The URL and schema, without the password, for messages. */
  public String describe() {
    return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***") + " schema " + schema;
  }

  @Override
  public String toString() {
    return describe();
  }
}
