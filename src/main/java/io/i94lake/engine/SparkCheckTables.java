package io.i94lake.engine;

import io.i94lake.quality.CheckRunner;
import io.i94lake.transform.Dialect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Checks measured on Spark: each table's rows, as the caller reads them, become a temporary view of a name no other
 * view has (runs and checks in one session never meet), which {@link #release} drops. The distinct values of a
 * single whole-number key are counted in a bitmap ({@link DistinctWholeNumbers}). Knows nothing of publishing: a
 * table was never published.
 */
public final class SparkCheckTables implements CheckRunner.Tables {
  private static final AtomicLong VIEWS = new AtomicLong();
  private static final String DISTINCT_WHOLE_NUMBERS = "i94lake_distinct_whole_numbers";
  private static final Set<DataType> WHOLE_NUMBERS =
      Set.of(DataTypes.ByteType, DataTypes.ShortType, DataTypes.IntegerType, DataTypes.LongType);

  private final SparkSession spark;
  private final Function<String, Optional<Dataset<Row>>> rows;
  private final Map<String, Dataset<Row>> views = new LinkedHashMap<>();

  /** @param rows a table's rows, or empty when there is no such table */
  public SparkCheckTables(SparkSession spark, Function<String, Optional<Dataset<Row>>> rows) {
    this.spark = spark;
    this.rows = rows;
    spark.udf().register(DISTINCT_WHOLE_NUMBERS, functions.udaf(new DistinctWholeNumbers(), Encoders.LONG()));
  }

  @Override
  public Dialect dialect() {
    return Dialect.SPARK;
  }

  @Override
  public Optional<String> relation(String table) {
    return rows.apply(table).map(found -> {
      String view = "i94lake_checked_" + VIEWS.incrementAndGet() + "_" + table.replaceAll("[^A-Za-z0-9_]", "_");
      found.createOrReplaceTempView(view);
      synchronized (views) {
        views.put(view, found);
      }
      return view;
    });
  }

  @Override
  public String distinctKeys(String relation, List<String> columns) {
    Dataset<Row> viewed;
    synchronized (views) {
      viewed = views.get(relation);
    }
    if (viewed != null && columns.size() == 1 && WHOLE_NUMBERS.contains(viewed.schema().apply(columns.get(0)).dataType())) {
      return DISTINCT_WHOLE_NUMBERS + "(CAST(" + columns.get(0) + " AS BIGINT))";
    }
    return CheckRunner.Tables.super.distinctKeys(relation, columns);
  }

  @Override
  public List<Double> measure(String query) {
    Row values = spark.sql(query).first();
    List<Double> measured = new ArrayList<>();
    for (int index = 0; index < values.length(); index++) {
      measured.add(values.isNullAt(index) ? null : values.getDouble(index));
    }
    return measured;
  }

  @Override
  public OptionalLong publishedRowCount(String table) {
    return OptionalLong.empty();
  }

  @Override
  public Optional<Instant> publishedAt(String table) {
    return Optional.empty();
  }

  /** Drops the views made so far. */
  public void release() {
    synchronized (views) {
      views.keySet().forEach(view -> spark.catalog().dropTempView(view));
      views.clear();
    }
  }
}
