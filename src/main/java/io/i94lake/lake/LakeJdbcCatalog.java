package io.i94lake.lake;

import java.util.Map;
import org.apache.iceberg.jdbc.JdbcCatalog;

/**
 * Iceberg's JDBC catalog, keyed by the lake's location rather than by the Spark catalog's name ({@code lake},
 * {@code lake1}, … depending on what else a session opened): the same lake is found under the same key from any
 * process, and lakes sharing one catalog database stay apart.
 */
public class LakeJdbcCatalog extends JdbcCatalog {
  static final String LAKE_NAME = "i94lake.lake";

  @Override
  public void initialize(String sparkCatalogName, Map<String, String> properties) {
    super.initialize(properties.getOrDefault(LAKE_NAME, sparkCatalogName), properties);
  }
}
