import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The readers' reference: the same question `i94lake sql` answers, asked of DuckDB by a plain Java program over the
 * lake's Parquet files (every data file of the table's folder, which is what a lake published once holds): no
 * Iceberg catalog, no snapshot planning, no launcher.
 *
 * <pre>java -cp target/bench-lib/duckdb_jdbc-1.4.4.0.jar bench/PlainQuery.java LAKE_FOLDER "SELECT count(*) FROM immigration"</pre>
 *
 * A table name in the query reads {@code LAKE_FOLDER/i94/<table>/data/**}/*.parquet. Prints the answer's rows.
 */
public final class PlainQuery {
  public static void main(String[] args) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = connection.createStatement()) {
      for (String table : new String[] {"immigration", "us_state", "runs"}) {
        statement.execute("CREATE VIEW " + table + " AS SELECT * FROM read_parquet('" + args[0] + "/i94/" + table
            + "/data/**/*.parquet', hive_partitioning = false)");
      }
      try (ResultSet result = statement.executeQuery(args[1])) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          StringBuilder row = new StringBuilder();
          for (int column = 1; column <= columns; column++) {
            row.append(column == 1 ? "" : ",").append(result.getString(column));
          }
          System.out.println(row);
        }
      }
    }
  }
}
